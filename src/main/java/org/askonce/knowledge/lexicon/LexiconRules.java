package org.askonce.knowledge.lexicon;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.askonce.knowledge.Lexicon;

/**
 * What the lexicon editor accepts. A lexicon is here a map term → {@link Lexicon.Entry}; each
 * change returns the new map or throws {@link IllegalArgumentException} with every problem, in
 * Chinese, naming the term and where it already is. The map given is never changed.
 */
final class LexiconRules {

    /**
     * Longest term: the segmenter's dictionary takes words of up to 10 characters whole (longer ones are
     * phrases that match by their words), so a longer colloquial term would never be recognised.
     */
    static final int MAX_TERM_LENGTH = 10;

    private LexiconRules() {
    }

    /**
     * As the pipeline will see it: NFKC (full-width → half-width), trimmed (full-width spaces too),
     * traditional characters as simplified (citizens' text is converted before it is segmented, so a
     * traditional term would never match), ASCII in lower case.
     */
    static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        String text = com.hankcs.hanlp.HanLP.convertToSimplifiedChinese(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip());
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(cp < 128 ? Character.toLowerCase(cp) : cp));
        return out.toString();
    }

    /** What is wrong with a (cleaned) term as a word, or null. {@code what}: 官方用语, 口语说法 or 词典词. */
    static String shapeProblem(String term, String raw, String what) {
        if (term.isEmpty()) {
            return raw == null || raw.isEmpty() ? what + "不能为空" : what + "只有空白，不是一个词";
        }
        if (term.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return what + "「" + term + "」只有标点或符号，不是一个词";
        }
        if (term.codePoints().anyMatch(Character::isWhitespace)) {
            return what + "「" + term + "」中间有空格：一个词条只写一个词";
        }
        if (!term.codePoints().allMatch(Character::isLetterOrDigit)) {
            return what + "「" + term + "」含有标点或符号：市民的话在分词前会去掉标点，这个词条永远匹配不上";
        }
        int length = term.codePointCount(0, term.length());
        if (length > MAX_TERM_LENGTH) {
            return what + "「" + term + "」有" + length + "个字，最多" + MAX_TERM_LENGTH + "个字（更长的是短语，分词时不会被当作一个词）";
        }
        return null;
    }

    /**
     * The lexicon with {@code official} standing for exactly {@code terms}, in place of the entry
     * {@code original} (null: a new entry).
     */
    static Map<String, Lexicon.Entry> withGroup(Map<String, Lexicon.Entry> lexicon, String original, String official, List<String> terms) {
        Map<String, Lexicon.Entry> rest = new TreeMap<>(lexicon);
        String replaced = original == null || original.isBlank() ? null : clean(original);
        if (replaced != null) {
            if (rest.values().stream().noneMatch(e -> replaced.equals(e.official()))) {
                throw new IllegalArgumentException("词条「" + replaced + "」不存在（可能刚被别人删除），请刷新页面后再改");
            }
            rest.values().removeIf(e -> replaced.equals(e.official()));
        }
        List<String> problems = new ArrayList<>();
        String off = clean(official);
        String offProblem = shapeProblem(off, official, "官方用语");
        if (offProblem != null) {
            problems.add(offProblem);
        } else {
            if (rest.values().stream().anyMatch(e -> off.equals(e.official()))) {
                problems.add("官方用语「" + off + "」已有词条（" + String.join("、", colloquial(rest, off)) + "），请在该词条中修改");
            }
            Lexicon.Entry asTerm = rest.get(off);
            if (asTerm != null && !asTerm.plainWord()) {
                problems.add("官方用语「" + off + "」本身是「" + asTerm.official() + "」的口语说法，不能再作官方用语");
            }
        }
        List<String> accepted = new ArrayList<>();
        if (terms == null || terms.isEmpty()) {
            problems.add("请至少填写一个口语说法");
        } else {
            Set<String> seen = new HashSet<>();
            for (String raw : terms) {
                String term = clean(raw);
                String shape = shapeProblem(term, raw, "口语说法");
                if (shape != null) {
                    problems.add(shape);
                } else if (!seen.add(term)) {
                    problems.add("口语说法「" + term + "」填写了两次");
                } else if (term.equals(off)) {
                    problems.add("口语说法「" + term + "」与官方用语相同");
                } else {
                    String where = whereIs(rest, term);
                    if (where != null) {
                        problems.add(where);
                    } else {
                        accepted.add(term);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        accepted.forEach(term -> rest.put(term, new Lexicon.Entry(term, off)));
        return rest;
    }

    /** The lexicon without the entry of this official term and its colloquial terms. */
    static Map<String, Lexicon.Entry> withoutGroup(Map<String, Lexicon.Entry> lexicon, String official) {
        String off = clean(official);
        Map<String, Lexicon.Entry> rest = new TreeMap<>(lexicon);
        if (!rest.values().removeIf(e -> off.equals(e.official()))) {
            throw new IllegalArgumentException("没有官方用语为「" + off + "」的词条（可能刚被别人删除）");
        }
        return rest;
    }

    /** The lexicon with these plain dictionary words added. */
    static Map<String, Lexicon.Entry> withWords(Map<String, Lexicon.Entry> lexicon, List<String> words) {
        Map<String, Lexicon.Entry> next = new TreeMap<>(lexicon);
        List<String> problems = new ArrayList<>();
        if (words == null || words.isEmpty()) {
            problems.add("请填写要加入词典的词");
        } else {
            Set<String> seen = new HashSet<>();
            for (String raw : words) {
                String word = clean(raw);
                String shape = shapeProblem(word, raw, "词典词");
                if (shape != null) {
                    problems.add(shape);
                } else if (!seen.add(word)) {
                    problems.add("词典词「" + word + "」填写了两次");
                } else if (lexicon.containsKey(word) && lexicon.get(word).plainWord()) {
                    problems.add("词典词「" + word + "」已存在");
                } else if (lexicon.containsKey(word)) {
                    problems.add("「" + word + "」已是「" + lexicon.get(word).official() + "」的口语说法，口语说法本身就会整词收入词典，无需再加");
                } else if (lexicon.values().stream().anyMatch(e -> word.equals(e.official()))) {
                    problems.add("「" + word + "」是官方用语（" + String.join("、", colloquial(lexicon, word)) + "），会自动收入词典，无需再加");
                } else {
                    next.put(word, new Lexicon.Entry(word, null));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        return next;
    }

    /** The lexicon without this plain dictionary word. */
    static Map<String, Lexicon.Entry> withoutWord(Map<String, Lexicon.Entry> lexicon, String word) {
        String w = clean(word);
        Lexicon.Entry entry = lexicon.get(w);
        if (entry == null || !entry.plainWord()) {
            throw new IllegalArgumentException("词典词中没有「" + w + "」（可能刚被别人删除）");
        }
        Map<String, Lexicon.Entry> rest = new TreeMap<>(lexicon);
        rest.remove(w);
        return rest;
    }

    /**
     * Problems of a whole lexicon that would keep a term from working: a colloquial term equal to
     * its official term, or an official term that is itself a colloquial term (the lexicon maps once,
     * so 甲 → 乙 → 丙 would stop at 乙). Checked before publishing: the published lexicon may have
     * changed under the draft (an import, a roll-back).
     */
    static List<String> consistencyProblems(Map<String, Lexicon.Entry> lexicon) {
        List<String> problems = new ArrayList<>();
        for (Lexicon.Entry e : lexicon.values()) {
            if (e.plainWord()) {
                continue;
            }
            if (e.term().equals(e.official())) {
                problems.add("口语说法「" + e.term() + "」与官方用语相同");
            }
            Lexicon.Entry official = lexicon.get(e.official());
            if (official != null && !official.plainWord()) {
                problems.add("「" + e.term() + "」对应的官方用语「" + e.official() + "」本身是「" + official.official() + "」的口语说法");
            }
        }
        return problems;
    }

    /** Where a term already is, as a sentence, or null if it is nowhere in the lexicon. */
    private static String whereIs(Map<String, Lexicon.Entry> lexicon, String term) {
        if (lexicon.values().stream().anyMatch(e -> term.equals(e.official()))) {
            return "「" + term + "」是官方用语（" + String.join("、", colloquial(lexicon, term)) + "），不能再作口语说法";
        }
        Lexicon.Entry existing = lexicon.get(term);
        if (existing != null && existing.plainWord()) {
            return "「" + term + "」已是词典词：一个词只能出现一次，请先从词典词中删除它";
        }
        if (existing != null) {
            return "口语说法「" + term + "」已对应官方用语「" + existing.official() + "」：一个口语说法只能对应一个官方用语，请先从「"
                    + existing.official() + "」中删除它";
        }
        return null;
    }

    private static List<String> colloquial(Map<String, Lexicon.Entry> lexicon, String official) {
        return lexicon.values().stream().filter(e -> official.equals(e.official())).map(Lexicon.Entry::term)
                .sorted(Lexicon.CHINESE_ORDER).toList();
    }

    /** Splits what an editor typed into terms: by commas, 、, semicolons, spaces or lines. */
    static List<String> split(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> terms = new ArrayList<>();
        for (String part : text.split("[,，、;；\\s\\u3000]+")) {
            if (!part.isEmpty()) {
                terms.add(part);
            }
        }
        return terms;
    }
}
