package org.askonce.retrieval;

import java.util.List;
import java.util.Map;

/**
 * Why a question matched what it matched: the question's terms and keys with their weights, and
 * for each top candidate the level that decided (word, char, pinyin), the terms it shares with the
 * question, and the two coverages the score is made of.
 */
public record Explanation(String normalised, List<String> terms, List<String> cueTerms, List<String> charGrams,
                          List<String> pinyinGrams, String intent, double intentProbability, List<Match> matches,
                          String signals, List<Fused> items) {

    /** A candidate item with its fused score, its lexical score, its semantic cosine and the features fused. */
    public record Fused(String itemId, String matched, double score, double lexical, double semantic, Map<String, Double> features) {
    }

    public record Match(String kind, String itemId, String faqId, String matched, double score, String level,
                        List<String> shared, double questionCoverage, double wordingCoverage, double kindWeight) {
    }
}
