package org.askonce.retrieval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.askonce.nlp.Analysis;
import org.askonce.retrieval.SearchIndex.Level;
import org.askonce.retrieval.SearchIndex.Wording;
import org.askonce.retrieval.SearchIndex.WordingKind;

/**
 * Recognises a question that names something that looks like an item but is not it, from the words
 * of each item's wordings and of its name and aliases.
 */
final class LookAlikes {

    /** Per item: the words of all its wordings, and of its name and aliases. */
    private final Map<String, Set<String>> itemTerms = new HashMap<>();
    private final Map<String, Set<String>> nameTerms = new HashMap<>();

    LookAlikes(Wording[] wordings, KeyTable words) {
        for (Wording w : wordings) {
            if (w.itemId() == null) {
                continue;
            }
            for (int id : w.keys()[Level.WORD.ordinal()]) {
                String term = words.texts.get(id);
                itemTerms.computeIfAbsent(w.itemId(), k -> new HashSet<>()).add(term);
                if (w.kind() == WordingKind.NAME || w.kind() == WordingKind.ALIAS) {
                    nameTerms.computeIfAbsent(w.itemId(), k -> new HashSet<>()).add(term);
                }
            }
        }
    }

    /**
     * Whether the question names something that looks like the item but is not it: a topic word that
     * none of the item's wordings has, yet shares its last character or its first two with a word of
     * the item's name or aliases — 银行卡 for 市民卡, 行驶证 for 驾驶证, 二手车 for 二手房. A bank's card,
     * another document, a commercial service that shares words with an item.
     */
    boolean looksAlike(Analysis question, String itemId) {
        Set<String> own = itemTerms.get(itemId);
        Set<String> names = nameTerms.get(itemId);
        if (own == null || names == null) {
            return false;
        }
        Set<String> cues = Set.copyOf(question.cueTerms());
        for (String t : question.topicTerms()) {
            if (t.length() < 2 || cues.contains(t) || own.contains(t)) {
                continue;
            }
            for (String u : names) {
                if (u.length() >= 2 && !u.equals(t) && !u.contains(t) && !t.contains(u)
                        && (u.charAt(u.length() - 1) == t.charAt(t.length() - 1) || u.startsWith(t.substring(0, 2)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
