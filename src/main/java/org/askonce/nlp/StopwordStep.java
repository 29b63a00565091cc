package org.askonce.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks stopwords (function words, fillers: 的, 请问, 那个, 一下…) and element cue words (材料,
 * 多久, 在哪…). Neither is removed: the intent model still sees them, search does not use
 * stopwords and gives cue words little weight. Lists: {@code nlp/stopwords.txt},
 * {@code nlp/element-cues.txt} on the class path.
 */
final class StopwordStep implements Step {

    private final Set<String> stopwords;
    private final Set<String> cues;

    StopwordStep(Map<String, String> params) {
        Step.checkParameters("stopwords", params, Set.of());
        this.stopwords = Set.copyOf(WordLists.read("nlp/stopwords.txt"));
        this.cues = Set.copyOf(WordLists.read("nlp/element-cues.txt"));
    }

    @Override
    public void apply(Analysis analysis) {
        List<Token> marked = new ArrayList<>(analysis.tokens().size());
        for (Token token : analysis.tokens()) {
            boolean stop = stopwords.contains(token.text()) || isSingleNonHan(token.text());
            boolean cue = !stop && cues.contains(token.text());
            marked.add(token.withFlags(stop, cue));
        }
        analysis.tokens(marked);
    }

    private static boolean isSingleNonHan(String text) {
        return text.length() == 1 && !Character.isIdeographic(text.charAt(0)) && !Character.isDigit(text.charAt(0));
    }

    @Override
    public String toString() {
        return "stopwords(" + stopwords.size() + " stopwords, " + cues.size() + " element cue words)";
    }
}
