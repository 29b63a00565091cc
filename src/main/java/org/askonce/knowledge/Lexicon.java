package org.askonce.knowledge;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Colloquial → official terms ({@code synonyms}: official term → the words citizens use for it)
 * and extra dictionary words the segmenter must keep whole.
 */
public record Lexicon(Map<String, List<String>> synonyms, List<String> words) {

    public static final Lexicon EMPTY = new Lexicon(Map.of(), List.of());

    /** Chinese order (by pinyin) for what staff read; strings the collator deems equal in code-point order. */
    public static final Comparator<String> CHINESE_ORDER = Comparator.nullsFirst(
            ((Comparator<String>) Collator.getInstance(Locale.CHINA)::compare).thenComparing(Comparator.naturalOrder()));

    public Lexicon {
        synonyms = synonyms == null ? Map.of() : Map.copyOf(synonyms);
        words = words == null ? List.of() : List.copyOf(words);
    }

    /** One term: a colloquial term with the official term it stands for, or a plain dictionary word ({@code official} null). */
    public record Entry(String term, String official) {

        public Entry {
            Objects.requireNonNull(term, "term");
        }

        public boolean plainWord() {
            return official == null;
        }
    }

    /** Every term once, by term: colloquial terms with their official term, plain words without. */
    public Map<String, Entry> entries() {
        Map<String, Entry> entries = new TreeMap<>();
        synonyms.forEach((official, terms) -> terms.forEach(term -> entries.put(term, new Entry(term, official))));
        words.forEach(word -> entries.putIfAbsent(word, new Entry(word, null)));
        return entries;
    }

    /** The lexicon of these entries, official terms and words in Chinese order. */
    public static Lexicon of(Collection<Entry> entries) {
        Map<String, List<String>> synonyms = new TreeMap<>(CHINESE_ORDER);
        List<String> words = new ArrayList<>();
        for (Entry e : entries) {
            if (e.plainWord()) {
                words.add(e.term());
            } else {
                synonyms.computeIfAbsent(e.official(), k -> new ArrayList<>()).add(e.term());
            }
        }
        synonyms.values().forEach(terms -> terms.sort(CHINESE_ORDER));
        words.sort(CHINESE_ORDER);
        return new Lexicon(synonyms, words);
    }

    /** The official terms with their colloquial terms, both in Chinese order. */
    public Map<String, List<String>> sortedSynonyms() {
        Map<String, List<String>> sorted = new TreeMap<>(CHINESE_ORDER);
        synonyms.forEach((official, terms) -> sorted.put(official, terms.stream().sorted(CHINESE_ORDER).toList()));
        return new LinkedHashMap<>(sorted);
    }

    public List<String> sortedWords() {
        return words.stream().sorted(CHINESE_ORDER).toList();
    }

    /** How many colloquial terms (over all official terms). */
    public int colloquialCount() {
        return synonyms.values().stream().mapToInt(List::size).sum();
    }

    /** The same terms standing for the same things, whatever the order. */
    public boolean sameTermsAs(Lexicon other) {
        return entries().equals(other.entries());
    }
}
