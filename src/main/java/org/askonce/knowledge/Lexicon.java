package org.askonce.knowledge;

import java.util.List;
import java.util.Map;

/**
 * Colloquial → official terms ({@code synonyms}: official term → the words citizens use for it)
 * and extra dictionary words the segmenter must keep whole.
 */
public record Lexicon(Map<String, List<String>> synonyms, List<String> words) {

    public static final Lexicon EMPTY = new Lexicon(Map.of(), List.of());

    public Lexicon {
        synonyms = synonyms == null ? Map.of() : Map.copyOf(synonyms);
        words = words == null ? List.of() : List.copyOf(words);
    }
}
