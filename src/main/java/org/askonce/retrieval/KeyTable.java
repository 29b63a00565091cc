package org.askonce.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interned keys of one level of the {@link SearchIndex}: id ↔ text, document frequency, and
 * whether a word is an element cue.
 */
final class KeyTable {
    final Map<String, Integer> ids = new HashMap<>();
    final List<String> texts = new ArrayList<>();
    int[] documentFrequency = new int[64];
    boolean[] cue = new boolean[64];

    int id(String key) {
        Integer id = ids.get(key);
        if (id == null) {
            id = texts.size();
            ids.put(key, id);
            texts.add(key);
            if (id >= documentFrequency.length) {
                documentFrequency = Arrays.copyOf(documentFrequency, id * 2);
                cue = Arrays.copyOf(cue, id * 2);
            }
        }
        return id;
    }
}
