package org.askonce.knowledge.lexicon;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.askonce.accounts.PublishRight;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.store.ChangeLog;
import org.askonce.knowledge.store.KnowledgeRepository;
import org.askonce.knowledge.store.LexiconStore;
import org.askonce.knowledge.store.LexiconVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing the lexicon (colloquial → official terms, plain dictionary words). Every change is a
 * draft change of a term with who and when, checked by {@link LexiconRules}; citizens get nothing
 * of it until the draft is published. A publication writes the whole lexicon to the live store as
 * a new numbered version and goes through the publication step ({@link ChangeLog}), so every
 * instance reloads and rebuilds its dictionary, lexicon and index in the background. Any earlier
 * version can be restored: as for items, a roll-back is published at once, as a new version.
 * Everything is in the audit log under {@link #AUDIT_ITEM}.
 */
@NamedInterface("lexicon")
@Service
public class LexiconEditor {

    /** The audit log's {@code item_id} of lexicon entries (item ids are slugs; this one names no item). */
    public static final String AUDIT_ITEM = ChangeLog.LEXICON;

    private static final Logger log = LoggerFactory.getLogger(LexiconEditor.class);

    private final LexiconStore store;
    private final KnowledgeRepository repository;
    private final ChangeLog changeLog;
    private final Clock clock;

    @Autowired
    LexiconEditor(LexiconStore store, KnowledgeRepository repository, ChangeLog changeLog) {
        this(store, repository, changeLog, Clock.systemUTC());
    }

    LexiconEditor(LexiconStore store, KnowledgeRepository repository, ChangeLog changeLog, Clock clock) {
        this.store = store;
        this.repository = repository;
        this.changeLog = changeLog;
        this.clock = clock;
    }

    /** The published lexicon as stored now (this instance's knowledge base follows within a poll). */
    public Lexicon published() {
        return repository.loadLexicon();
    }

    /** The published lexicon with the draft changes in it: what publishing would make live. */
    public Lexicon draft() {
        return Lexicon.of(draftEntries(repository.loadLexicon().entries(), store.draftRows()).values());
    }

    /** How the draft differs from the published lexicon, term by term, each with who changed it when. */
    public List<LexiconVersion.Change> draftChanges() {
        Map<String, Lexicon.Entry> published = repository.loadLexicon().entries();
        return store.draftRows().stream()
                .filter(row -> !Objects.equals(published.get(row.term()), row.entry()))
                .map(row -> new LexiconVersion.Change(row.term(), published.get(row.term()), row.entry(), row.changedBy(), row.changedAt()))
                .sorted(Comparator.comparing(LexiconVersion.Change::term, Lexicon.CHINESE_ORDER))
                .toList();
    }

    /**
     * Saves an entry in the draft: {@code official} with exactly these colloquial terms, in place of
     * the entry of {@code original} ({@code null} or blank: a new entry).
     *
     * @throws IllegalArgumentException with every problem; nothing is stored then
     */
    @Transactional
    public List<LexiconVersion.Change> saveEntry(String original, String official, List<String> colloquial, String user) {
        store.lock();
        Draft d = currentDraft();
        Map<String, Lexicon.Entry> next = LexiconRules.withGroup(d.draft(), original, official, colloquial);
        String clean = LexiconRules.clean(official);
        String what = original == null || original.isBlank() ? "新增词条 " + clean
                : LexiconRules.clean(original).equals(clean) ? "修改词条 " + clean : "修改词条 " + LexiconRules.clean(original) + " → " + clean;
        return change(d, next, user, what);
    }

    /** Deletes an official term with all its colloquial terms from the draft. */
    @Transactional
    public List<LexiconVersion.Change> deleteEntry(String official, String user) {
        store.lock();
        Draft d = currentDraft();
        return change(d, LexiconRules.withoutGroup(d.draft(), official), user, "删除词条 " + LexiconRules.clean(official));
    }

    /** Adds plain dictionary words (words the segmenter must keep whole) to the draft. */
    @Transactional
    public List<LexiconVersion.Change> addWords(List<String> words, String user) {
        store.lock();
        Draft d = currentDraft();
        return change(d, LexiconRules.withWords(d.draft(), words), user, "新增词典词");
    }

    @Transactional
    public List<LexiconVersion.Change> deleteWord(String word, String user) {
        store.lock();
        Draft d = currentDraft();
        return change(d, LexiconRules.withoutWord(d.draft(), word), user, "删除词典词");
    }

    /** Undoes the draft change of one term: it is again as published. */
    @Transactional
    public void revert(String term, String user) {
        store.lock();
        String t = LexiconRules.clean(term);
        LexiconVersion.Change change = draftChanges().stream().filter(c -> c.term().equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("草稿中没有「" + t + "」的修改"));
        store.deleteDraft(t);
        changeLog.record(user, "DRAFT", AUDIT_ITEM, null, "撤销草稿修改：" + change.summary());
    }

    /** Throws the whole draft away; returns how many changes it had. */
    @Transactional
    public int discardDraft(String user) {
        store.lock();
        int changes = draftChanges().size();
        store.clearDraft();
        if (changes > 0) {
            changeLog.record(user, "DISCARD", AUDIT_ITEM, null, "放弃词库草稿（" + changes + "处修改）");
        }
        return changes;
    }

    /**
     * Publishes the draft: the whole lexicon becomes the next version and citizens get it once the
     * pipeline and index are rebuilt, on every instance.
     *
     * @throws IllegalArgumentException when the draft changes nothing or would break a term
     */
    @Transactional
    public LexiconVersion publish(String publisher, String note) {
        PublishRight.requireForCurrentUser();
        store.lock();
        Draft d = currentDraft();
        List<LexiconVersion.Change> changes = diff(d.published(), d.draft());
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("草稿与已发布的词库相同，没有可发布的修改");
        }
        List<String> problems = LexiconRules.consistencyProblems(d.draft());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("草稿有" + problems.size() + "处问题，没有发布：" + String.join("；", problems));
        }
        Instant now = clock.instant();
        Lexicon next = Lexicon.of(d.draft().values());
        repository.replaceLexicon(next);
        String summary = summary(changes);
        int version = store.recordPublication(Lexicon.of(d.published().values()), next, publisher, now,
                note == null || note.isBlank() ? summary : note.strip());
        store.clearDraft();
        changeLog.record(publisher, "PUBLISH", AUDIT_ITEM, version, summary + "：" + details(changes));
        changeLog.countPublication(now);
        log.info("{} published lexicon version {} ({})", publisher, version, summary);
        return store.version(version).orElseThrow();
    }

    /**
     * Restores an earlier version: its lexicon is published at once as a new version (as items are
     * rolled back). Draft changes not yet published stay in the draft.
     */
    @Transactional
    public LexiconVersion rollBack(int toVersion, String user) {
        PublishRight.requireForCurrentUser();
        store.lock();
        LexiconVersion target = store.version(toVersion).orElseThrow(() -> new IllegalArgumentException("没有词库第" + toVersion + "版"));
        Lexicon published = repository.loadLexicon();
        List<LexiconVersion.Change> changes = diff(published.entries(), target.lexicon().entries());
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("第" + toVersion + "版与当前发布的词库相同，无需回滚");
        }
        Instant now = clock.instant();
        repository.replaceLexicon(target.lexicon());
        int version = store.recordPublication(published, target.lexicon(), user, now, "回滚到第" + toVersion + "版");
        Map<String, Lexicon.Entry> restored = target.lexicon().entries();
        store.draftRows().stream().filter(row -> Objects.equals(restored.get(row.term()), row.entry()))
                .forEach(row -> store.deleteDraft(row.term()));
        changeLog.record(user, "ROLLBACK", AUDIT_ITEM, version, "回滚到第" + toVersion + "版，" + summary(changes) + "：" + details(changes));
        changeLog.countPublication(now);
        log.info("{} rolled the lexicon back to version {} as version {}", user, toVersion, version);
        return store.version(version).orElseThrow();
    }

    /** Every version, newest first; before the first publication, the lexicon as loaded counts as version 1. */
    public List<LexiconVersion> history() {
        List<LexiconVersion> versions = store.versions();
        if (versions.isEmpty()) {
            return List.of(new LexiconVersion(1, published(), LexiconStore.INITIAL_AUTHOR, null, "初始词库", true));
        }
        return versions;
    }

    public Optional<LexiconVersion> version(int version) {
        return history().stream().filter(v -> v.version() == version).findFirst();
    }

    /** What changed from version {@code from} to version {@code to}, term by term. */
    public List<LexiconVersion.Change> diff(int from, int to) {
        Lexicon a = version(from).orElseThrow(() -> new IllegalArgumentException("没有词库第" + from + "版")).lexicon();
        Lexicon b = version(to).orElseThrow(() -> new IllegalArgumentException("没有词库第" + to + "版")).lexicon();
        return diff(a.entries(), b.entries());
    }

    /** The lexicon's entries in the audit log, newest first. */
    public List<ChangeLog.Entry> auditLog(int limit) {
        return changeLog.entries(AUDIT_ITEM, limit);
    }

    private record Draft(Map<String, Lexicon.Entry> published, Map<String, Lexicon.Entry> draft) {
    }

    private Draft currentDraft() {
        Map<String, Lexicon.Entry> published = repository.loadLexicon().entries();
        return new Draft(published, draftEntries(published, store.draftRows()));
    }

    private static Map<String, Lexicon.Entry> draftEntries(Map<String, Lexicon.Entry> published, List<LexiconStore.DraftRow> rows) {
        Map<String, Lexicon.Entry> draft = new TreeMap<>(published);
        for (LexiconStore.DraftRow row : rows) {
            if (row.entry() == null) {
                draft.remove(row.term());
            } else {
                draft.put(row.term(), row.entry());
            }
        }
        return draft;
    }

    /** Stores the terms that differ between the draft and {@code next} as draft changes (or drops them if back to published). */
    private List<LexiconVersion.Change> change(Draft d, Map<String, Lexicon.Entry> next, String user, String what) {
        List<LexiconVersion.Change> changes = diff(d.draft(), next);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("没有修改：草稿中已经是这样");
        }
        Instant now = clock.instant();
        for (LexiconVersion.Change c : changes) {
            if (Objects.equals(d.published().get(c.term()), c.after())) {
                store.deleteDraft(c.term());
            } else {
                store.putDraft(c.term(), c.after(), user, now);
            }
        }
        changeLog.record(user, "DRAFT", AUDIT_ITEM, null, what + "：" + details(changes));
        return changes;
    }

    /** The terms that differ between two lexicons, in Chinese order. */
    static List<LexiconVersion.Change> diff(Map<String, Lexicon.Entry> before, Map<String, Lexicon.Entry> after) {
        TreeSet<String> terms = new TreeSet<>(Lexicon.CHINESE_ORDER);
        terms.addAll(before.keySet());
        terms.addAll(after.keySet());
        List<LexiconVersion.Change> changes = new ArrayList<>();
        for (String term : terms) {
            if (!Objects.equals(before.get(term), after.get(term))) {
                changes.add(new LexiconVersion.Change(term, before.get(term), after.get(term), null, null));
            }
        }
        return changes;
    }

    /** "新增 2 个、删除 1 个、修改 0 个词条" without the zeros. */
    static String summary(List<LexiconVersion.Change> changes) {
        Map<LexiconVersion.Change.Kind, Long> counts = changes.stream()
                .collect(Collectors.groupingBy(LexiconVersion.Change::kind, () -> new TreeMap<>(), Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey().label() + e.getValue() + "个").collect(Collectors.joining("、")) + "词条";
    }

    private static String details(List<LexiconVersion.Change> changes) {
        return changes.stream().map(LexiconVersion.Change::summary).collect(Collectors.joining("；"));
    }
}
