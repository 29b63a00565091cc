package org.askonce.knowledge.lexicon;

import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.askonce.knowledge.EditorSettings;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.store.LexiconVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /editor/lexicon} (role EDITOR or ADMIN): the lexicon's entries (official term ← colloquial
 * terms) and plain dictionary words, searched and counted, changed as a draft; the draft's
 * differences from what is published; publishing; the versions, their differences and roll-back;
 * the lexicon's audit log.
 */
@Controller
@RequestMapping("/editor/lexicon")
class LexiconController {

    private static final String PAGE = "redirect:/editor/lexicon";

    private final LexiconEditor lexicon;

    private final EditorSettings settings;

    LexiconController(LexiconEditor lexicon, EditorSettings settings) {
        this.lexicon = lexicon;
        this.settings = settings;
    }

    /** A term as listed: its text and, when the draft changes it, how ({@code removed}: struck through). */
    record Term(String text, String mark, boolean removed, String changedBy) {
    }

    /** An official term with its colloquial terms as the draft has them. */
    record Entry(String official, List<Term> terms, boolean removed, boolean changed) {
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String edit,
                @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to, Model model) {
        Lexicon published = lexicon.published();
        Lexicon draft = lexicon.draft();
        List<LexiconVersion.Change> changes = lexicon.draftChanges();

        String query = LexiconRules.clean(q);
        List<Entry> entries = entries(draft, changes).stream()
                .filter(e -> query.isEmpty() || e.official().contains(query) || e.terms().stream().anyMatch(t -> t.text().contains(query)))
                .toList();
        List<Term> words = words(draft, changes).stream().filter(t -> query.isEmpty() || t.text().contains(query)).toList();

        model.addAttribute("q", q);
        model.addAttribute("entries", entries);
        model.addAttribute("words", words);
        model.addAttribute("published", published);
        model.addAttribute("draft", draft);
        model.addAttribute("changes", changes);
        model.addAttribute("history", lexicon.history());
        model.addAttribute("log", lexicon.auditLog(20));
        if (!model.containsAttribute("official") && edit != null && !edit.isBlank()) {
            List<String> terms = draft.synonyms().get(LexiconRules.clean(edit));
            if (terms == null) {
                model.addAttribute("error", "没有官方用语为「" + edit.strip() + "」的词条");
            } else {
                model.addAttribute("original", LexiconRules.clean(edit));
                model.addAttribute("official", LexiconRules.clean(edit));
                model.addAttribute("terms", String.join("、", terms.stream().sorted(Lexicon.CHINESE_ORDER).toList()));
            }
        }
        if (from != null && to != null) {
            try {
                model.addAttribute("versionChanges", lexicon.diff(from, to));
                model.addAttribute("from", from);
                model.addAttribute("to", to);
            } catch (IllegalArgumentException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        model.addAttribute("view", this);
        return "editor/lexicon";
    }

    /** Saves an entry (new, or in place of {@code original}) in the draft. */
    @PostMapping("/entries")
    String saveEntry(@RequestParam(defaultValue = "") String original, @RequestParam(defaultValue = "") String official,
                     @RequestParam(defaultValue = "") String terms, Principal user, RedirectAttributes flash) {
        return draftChange(flash, () -> lexicon.saveEntry(original, official, LexiconRules.split(terms), user.getName()), () -> {
            flash.addFlashAttribute("original", original);
            flash.addFlashAttribute("official", official);
            flash.addFlashAttribute("terms", terms);
        });
    }

    @PostMapping("/entries/delete")
    String deleteEntry(@RequestParam String official, Principal user, RedirectAttributes flash) {
        return draftChange(flash, () -> lexicon.deleteEntry(official, user.getName()), () -> { });
    }

    @PostMapping("/words")
    String addWords(@RequestParam(defaultValue = "") String words, Principal user, RedirectAttributes flash) {
        return draftChange(flash, () -> lexicon.addWords(LexiconRules.split(words), user.getName()),
                () -> flash.addFlashAttribute("newWords", words));
    }

    @PostMapping("/words/delete")
    String deleteWord(@RequestParam String word, Principal user, RedirectAttributes flash) {
        return draftChange(flash, () -> lexicon.deleteWord(word, user.getName()), () -> { });
    }

    /** Undoes the draft change of one term. */
    @PostMapping("/draft/revert")
    String revert(@RequestParam String term, Principal user, RedirectAttributes flash) {
        try {
            lexicon.revert(term, user.getName());
            flash.addFlashAttribute("message", "已撤销草稿中「" + term + "」的修改");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }

    @PostMapping("/draft/discard")
    String discard(Principal user, RedirectAttributes flash) {
        int n = lexicon.discardDraft(user.getName());
        flash.addFlashAttribute("message", n == 0 ? "草稿中没有修改" : "已放弃草稿中的" + n + "处修改");
        return PAGE;
    }

    @PostMapping("/publish")
    String publish(@RequestParam(defaultValue = "") String note, Principal user, RedirectAttributes flash) {
        try {
            LexiconVersion v = lexicon.publish(user.getName(), note);
            flash.addFlashAttribute("message", "词库第" + v.version() + "版已发布，分词词典和同义词几秒钟内在所有实例上生效");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }

    @PostMapping("/versions/{version}/rollback")
    String rollBack(@PathVariable int version, Principal user, RedirectAttributes flash) {
        try {
            LexiconVersion v = lexicon.rollBack(version, user.getName());
            flash.addFlashAttribute("message", "已回滚到第" + version + "版（新版本第" + v.version() + "版，已发布）"
                    + (lexicon.draftChanges().isEmpty() ? "" : "；草稿中尚未发布的修改仍保留"));
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return PAGE;
    }

    private String draftChange(RedirectAttributes flash, Supplier<List<LexiconVersion.Change>> change, Runnable showBack) {
        try {
            List<LexiconVersion.Change> changes = change.get();
            flash.addFlashAttribute("message", "已保存到草稿（" + String.join("；", changes.stream().map(LexiconVersion.Change::summary).toList())
                    + "），发布后市民的提问才会用上");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "没有保存：" + e.getMessage());
            showBack.run();
        }
        return PAGE;
    }

    /** The draft's entries, with the colloquial terms the draft removes or moves struck through under their old official term. */
    static List<Entry> entries(Lexicon draft, List<LexiconVersion.Change> changes) {
        Map<String, LexiconVersion.Change> byTerm = new LinkedHashMap<>();
        changes.forEach(c -> byTerm.put(c.term(), c));
        Map<String, List<Term>> rows = new java.util.TreeMap<>(Lexicon.CHINESE_ORDER);
        draft.sortedSynonyms().forEach((official, terms) -> rows.put(official, new ArrayList<>(terms.stream().map(t -> {
            LexiconVersion.Change c = byTerm.get(t);
            return new Term(t, c == null ? null : c.kind().label(), false, c == null ? null : c.changedBy());
        }).toList())));
        for (LexiconVersion.Change c : changes) {
            if (c.before() != null && !c.before().plainWord() && (c.after() == null || !c.before().official().equals(c.after().official()))) {
                rows.computeIfAbsent(c.before().official(), k -> new ArrayList<>()).add(new Term(c.term(), "删除", true, c.changedBy()));
            }
        }
        List<Entry> entries = new ArrayList<>();
        rows.forEach((official, terms) -> entries.add(new Entry(official, terms, terms.stream().allMatch(Term::removed),
                terms.stream().anyMatch(t -> t.mark() != null))));
        return entries;
    }

    static List<Term> words(Lexicon draft, List<LexiconVersion.Change> changes) {
        Map<String, LexiconVersion.Change> byTerm = new LinkedHashMap<>();
        changes.forEach(c -> byTerm.put(c.term(), c));
        Map<String, Term> words = new java.util.TreeMap<>(Lexicon.CHINESE_ORDER);
        for (String w : draft.words()) {
            LexiconVersion.Change c = byTerm.get(w);
            words.put(w, new Term(w, c == null ? null : c.kind().label(), false, c == null ? null : c.changedBy()));
        }
        for (LexiconVersion.Change c : changes) {
            if (c.before() != null && c.before().plainWord() && (c.after() == null || !c.after().plainWord())) {
                words.put(c.term(), new Term(c.term(), "删除", true, c.changedBy()));
            }
        }
        return new ArrayList<>(words.values());
    }

    /** The audit log's action in Chinese. */
    public String time(Instant t) {
        return settings.minutes(t);
    }
}
