package org.askonce.nlp;

import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;

/**
 * The words the knowledge base teaches the pipeline. <em>Item words</em> name service items (short
 * names, short aliases and keywords used by at most two items); <em>lexicon words</em> are the
 * lexicon's terms and words shared by many items (补领, 遗失…). Both go into the segmenter's dictionary so that
 * they stay whole; each compound also knows its parts in HanLP's core dictionary (生育津贴 → 生育,
 * 津贴), so that a question that says the parts still matches it.
 */
final class Vocabulary {

    static final String ITEM_NATURE = Token.KB_NATURE;
    static final String LEXICON_NATURE = "lex";

    /** Longest alias taken whole into the dictionary: longer ones are phrases and match by their words. */
    private static final int MAX_ALIAS_WORD = 4;
    private static final int MAX_NAME_WORD = 6;
    private static final int MAX_DICTIONARY_WORD = 10;
    private static final int MAX_ITEMS_PER_NAMING_WORD = 2;

    private final Map<String, String> dictionary;
    private final Map<String, String> official;
    private final Map<String, List<String>> parts;

    private Vocabulary(Map<String, String> dictionary, Map<String, String> official, Map<String, List<String>> parts) {
        this.dictionary = Collections.unmodifiableMap(dictionary);
        this.official = Collections.unmodifiableMap(official);
        this.parts = Collections.unmodifiableMap(parts);
    }

    static Vocabulary of(KnowledgeSnapshot snapshot) {
        Set<String> itemWords = new LinkedHashSet<>();
        Set<String> lexiconWords = new LinkedHashSet<>();
        Map<String, String> official = new HashMap<>();
        Map<String, Integer> itemsPerWord = new HashMap<>();
        for (ServiceItem item : snapshot.items()) {
            Set<String> words = new LinkedHashSet<>();
            for (String part : item.name().split("[（）()、，,\\s]+")) {
                add(words, part, MAX_NAME_WORD);
            }
            item.aliases().forEach(a -> add(words, a, MAX_ALIAS_WORD));
            item.keywords().forEach(k -> add(words, k, MAX_DICTIONARY_WORD));
            words.forEach(w -> itemsPerWord.merge(w, 1, Integer::sum));
            itemWords.addAll(words);
        }
        // a word shared by many items (补领, 遗失) is a lexicon word: it does not name an item
        itemsPerWord.forEach((word, items) -> {
            if (items > MAX_ITEMS_PER_NAMING_WORD) {
                itemWords.remove(word);
                lexiconWords.add(word);
            }
        });
        snapshot.lexicon().synonyms().forEach((canonical, colloquial) -> {
            String canon = TextNormaliser.normalise(canonical);
            add(lexiconWords, canon, MAX_DICTIONARY_WORD);
            for (String term : colloquial) {
                String t = TextNormaliser.normalise(term);
                add(lexiconWords, t, MAX_DICTIONARY_WORD);
                if (!t.equals(canon)) {
                    official.put(t, canon);
                }
            }
        });
        snapshot.lexicon().words().forEach(w -> add(lexiconWords, w, MAX_DICTIONARY_WORD));

        Map<String, String> dictionary = new HashMap<>();
        lexiconWords.forEach(w -> dictionary.put(w, LEXICON_NATURE));
        itemWords.forEach(w -> dictionary.put(w, ITEM_NATURE));
        lexiconWords.removeAll(itemWords);
        // a colloquial word that stands for an item word names an item too (狗证 → 养犬登记)
        official.forEach((colloquial, canon) -> {
            if (ITEM_NATURE.equals(dictionary.get(canon))) {
                dictionary.put(colloquial, ITEM_NATURE);
            }
        });

        Segment core = new ViterbiSegment().enableCustomDictionary(false).enablePartOfSpeechTagging(false);
        Map<String, List<String>> parts = new HashMap<>();
        for (String word : dictionary.keySet()) {
            if (word.length() < 3) {
                continue;
            }
            List<String> pieces = new ArrayList<>();
            for (Term t : core.seg(word)) {
                if (t.word.length() >= 2 && !t.word.equals(word)) {
                    pieces.add(t.word);
                }
            }
            if (!pieces.isEmpty()) {
                parts.put(word, List.copyOf(pieces));
            }
        }
        return new Vocabulary(dictionary, official, parts);
    }

    private static void add(Set<String> words, String word, int maxLength) {
        String w = TextNormaliser.normalise(word);
        if (w.length() >= 2 && w.length() <= maxLength && !w.contains(" ")) {
            words.add(w);
        }
    }

    /** Dictionary words with their tag: {@code kb} for item words, {@code lex} for lexicon words. */
    Map<String, String> dictionary() {
        return dictionary;
    }

    /** The official term for a colloquial one, or the word itself. */
    String canonical(String word) {
        return official.getOrDefault(word, word);
    }

    boolean hasOfficial(String word) {
        return official.containsKey(word);
    }

    boolean namesItem(String word) {
        return ITEM_NATURE.equals(dictionary.get(word));
    }

    /** The multi-character words a compound is made of in HanLP's core dictionary; empty if none. */
    List<String> parts(String word) {
        return parts.getOrDefault(word, List.of());
    }

    int synonymCount() {
        return official.size();
    }
}
