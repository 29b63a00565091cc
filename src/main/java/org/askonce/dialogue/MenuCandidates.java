package org.askonce.dialogue;

import java.util.List;
import org.askonce.retrieval.AnswerModel;
import org.askonce.retrieval.Candidate;
import org.askonce.retrieval.SearchResult;

/**
 * Which candidate items stand together in the answer policy's eyes: a family the question names
 * without saying which member ({@link #ties}), a first item too close to the second to answer
 * ({@link #ambiguous}), and the candidates an unsure menu lists beside its first
 * ({@link #nearInMeaningOrWords}).
 */
final class MenuCandidates {

    private MenuCandidates() {
    }

    /**
     * A candidate this close to an unsure first item by meaning (cosine) or by words joins its menu:
     * the fused score all but decides between them, so the first alone may well be the wrong one.
     */
    private static final double MENU_SEMANTIC_NEAR = 0.05;
    private static final double MENU_LEXICAL_NEAR = 0.1;
    /** ... by words only from this lexical score: below it, one common word shared ("登记") brings in unrelated items. */
    private static final double MENU_LEXICAL_MIN = 0.3;

    static boolean nearInMeaningOrWords(Candidate c, Candidate first) {
        return (c.semantic() > 0 && c.semantic() >= first.semantic() - MENU_SEMANTIC_NEAR)
                || (c.lexical() >= MENU_LEXICAL_MIN && c.lexical() >= first.lexical() - MENU_LEXICAL_NEAR);
    }

    /** Lexical scores and cosines closer than these do not tell two members of a family apart. */
    private static final double LEXICAL_TIE = 0.1;
    private static final double SEMANTIC_TIE = 0.1;

    /**
     * The items the question's words match about as well as the first (the first at least at the
     * lexical answer threshold: the question names the family) whose meaning is about as close too: the members of a
     * family the question names without saying which ("公积金提取"). Empty unless there are two.
     */
    static List<String> ties(SearchResult result, AnswerModel thresholds) {
        List<Candidate> items = result.items();
        if (items.size() < 2 || items.get(0).lexical() < thresholds.settings().lexicalAnswerThreshold()) {
            return List.of();
        }
        Candidate first = items.get(0);
        List<String> ties = items.stream()
                .filter(c -> Math.abs(c.lexical() - first.lexical()) < LEXICAL_TIE
                        && Math.abs(c.semantic() - first.semantic()) < SEMANTIC_TIE)
                .limit(thresholds.settings().menuSize()).map(Candidate::itemId).toList();
        return ties.size() > 1 ? ties : List.of();
    }

    static boolean ambiguous(SearchResult result, AnswerModel thresholds, String itemId) {
        List<Candidate> items = result.items();
        if (items.size() < 2) {
            return false;
        }
        Candidate first = items.get(0).itemId().equals(itemId) ? items.get(0) : null;
        if (first == null) {
            return false;
        }
        Candidate second = items.get(1);
        return second.score() >= thresholds.suggestThreshold() && first.score() - second.score() < thresholds.settings().ambiguityMargin();
    }
}
