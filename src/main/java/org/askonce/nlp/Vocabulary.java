package org.askonce.nlp;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;

/**
 * The words the knowledge base teaches the pipeline: dictionary words for the segmenter and the
 * colloquial → official map of the lexicon.
 */
final class Vocabulary {

    private static final int MAX_DICTIONARY_WORD = 10;

    private final Set<String> dictionaryWords;
    private final Map<String, String> official;

    private Vocabulary(Set<String> dictionaryWords, Map<String, String> official) {
        this.dictionaryWords = Collections.unmodifiableSet(dictionaryWords);
        this.official = Collections.unmodifiableMap(official);
    }

    static Vocabulary of(KnowledgeSnapshot snapshot) {
        Set<String> words = new LinkedHashSet<>();
        Map<String, String> official = new HashMap<>();
        for (ServiceItem item : snapshot.items()) {
            for (String part : item.name().split("[（）()、，,\\s]+")) {
                addWord(words, part);
            }
            item.aliases().forEach(a -> addWord(words, a));
            item.keywords().forEach(k -> addWord(words, k));
        }
        snapshot.lexicon().synonyms().forEach((canonical, colloquial) -> {
            String canon = NormaliseStep.normalise(canonical);
            addWord(words, canon);
            for (String term : colloquial) {
                String t = NormaliseStep.normalise(term);
                addWord(words, t);
                if (!t.equals(canon)) {
                    official.put(t, canon);
                }
            }
        });
        snapshot.lexicon().words().forEach(w -> addWord(words, w));
        return new Vocabulary(words, official);
    }

    private static void addWord(Set<String> words, String word) {
        String w = NormaliseStep.normalise(word);
        if (w.length() >= 2 && w.length() <= MAX_DICTIONARY_WORD && !w.contains(" ")) {
            words.add(w);
        }
    }

    Set<String> dictionaryWords() {
        return dictionaryWords;
    }

    /** The official term for a colloquial one, or the word itself. */
    String canonical(String word) {
        return official.getOrDefault(word, word);
    }

    boolean hasOfficial(String word) {
        return official.containsKey(word);
    }

    int synonymCount() {
        return official.size();
    }
}
