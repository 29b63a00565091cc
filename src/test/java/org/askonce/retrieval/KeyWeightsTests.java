package org.askonce.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.askonce.retrieval.SearchIndex.Level;
import org.askonce.retrieval.SearchIndex.Wording;
import org.askonce.retrieval.SearchIndex.WordingKind;
import org.junit.jupiter.api.Test;

/**
 * Key weights on three hand-made wordings (no analysis, no Lucene): inverse document frequency
 * {@code ln(1 + (N + 1) / (df + 0.5))} with N = 3, element cue words at {@link SearchIndex#CUE_WEIGHT}.
 */
class KeyWeightsTests {

    private static final double EPSILON = 1e-12;

    private final KeyTable[] tables = {new KeyTable(), new KeyTable(), new KeyTable()};
    private final int passport = key(Level.WORD, "护照", 2);
    private final int apply = key(Level.WORD, "办护照", 1);
    private final int materials = key(Level.WORD, "材料", 1);
    private final int passportChars = key(Level.CHAR, "护照", 2);
    private final Wording[] wordings = {
        wording("护照", new int[] {passport}, new int[] {passportChars}),
        wording("办护照", new int[] {passport, apply}, new int[] {passportChars}),
        wording("材料", new int[] {materials}, new int[] {})
    };
    private final KeyWeights weights;

    KeyWeightsTests() {
        tables[Level.WORD.ordinal()].cue[materials] = true;
        weights = new KeyWeights(wordings, tables);
    }

    private int key(Level level, String text, int documentFrequency) {
        int id = tables[level.ordinal()].id(text);
        tables[level.ordinal()].documentFrequency[id] = documentFrequency;
        return id;
    }

    private static Wording wording(String text, int[] words, int[] chars) {
        return new Wording(WordingKind.NAME, "passport", null, text, new int[][] {words, chars, {}}, text);
    }

    private double word(int id) {
        return weights.idf[Level.WORD.ordinal()][id];
    }

    @Test
    void aKeyWeighsItsInverseDocumentFrequency() {
        assertThat(word(passport)).isCloseTo(Math.log(1 + 4 / 2.5), within(EPSILON));
        assertThat(word(apply)).isCloseTo(Math.log(1 + 4 / 1.5), within(EPSILON));
        assertThat(word(apply)).isGreaterThan(word(passport));
    }

    @Test
    void anElementCueWordWeighsThreeTenthsOfATopicWordAsRare() {
        assertThat(word(materials)).isCloseTo(SearchIndex.CUE_WEIGHT * word(apply), within(EPSILON));
    }

    @Test
    void onlyTheWordLevelKnowsCueWords() {
        assertThat(weights.idf[Level.CHAR.ordinal()][passportChars]).isCloseTo(word(passport), within(EPSILON));
    }

    @Test
    void aWordingWeighsTheSumOfItsKeysPerLevel() {
        assertThat(weights.wordingTotals[1][Level.WORD.ordinal()]).isCloseTo(word(passport) + word(apply), within(EPSILON));
        assertThat(weights.wordingTotals[1][Level.CHAR.ordinal()]).isCloseTo(word(passport), within(EPSILON));
        assertThat(weights.wordingTotals[2][Level.CHAR.ordinal()]).isZero();
    }

    @Test
    void anUnknownKeyWeighsTheMost() {
        assertThat(weights.unknown()).isCloseTo(Math.log(1 + 4 / 0.5), within(EPSILON));
        assertThat(weights.unknown()).isGreaterThan(word(apply));
    }
}
