package org.askonce.nlp;

import java.util.Map;
import java.util.Set;

/**
 * The pipeline's first step, {@link TextNormaliser#normalise}: full-width → half-width and compatibility forms (NFKC: "１２３" → "123", "①" → "1"), ASCII lower
 * case, emoji that stand for a word replaced by it (🉑 → 可, 🐶 → 狗), other emoji and symbols dropped,
 * punctuation and runs of white space folded to one space.
 */
final class NormaliseStep implements Step {

    NormaliseStep(Map<String, String> params) {
        Step.checkParameters("normalise", params, Set.of());
    }

    @Override
    public void apply(Analysis analysis) {
        analysis.text(TextNormaliser.normalise(analysis.text()));
    }

    @Override
    public String toString() {
        return "normalise(nfkc, lower-case, drop emoji, fold punctuation)";
    }
}
