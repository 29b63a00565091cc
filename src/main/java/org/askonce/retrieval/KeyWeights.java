package org.askonce.retrieval;

import org.askonce.retrieval.SearchIndex.Level;
import org.askonce.retrieval.SearchIndex.Wording;

/**
 * How much each key of the {@link SearchIndex} weighs (inverse document frequency, element cue
 * words less), and the total weight of each wording's keys per level.
 */
final class KeyWeights {

    private final int documents;
    /** Per level, per key id. */
    final double[][] idf;
    /** Per wording ordinal, per level. */
    final double[][] wordingTotals;

    KeyWeights(Wording[] wordings, KeyTable[] tables) {
        int n = wordings.length;
        this.documents = n;
        this.idf = new double[Level.values().length][];
        for (Level level : Level.values()) {
            KeyTable table = tables[level.ordinal()];
            double[] values = new double[table.texts.size()];
            for (int id = 0; id < values.length; id++) {
                values[id] = idf(n, table.documentFrequency[id]) * (level == Level.WORD && table.cue[id] ? SearchIndex.CUE_WEIGHT : 1.0);
            }
            idf[level.ordinal()] = values;
        }
        this.wordingTotals = new double[n][Level.values().length];
        for (int i = 0; i < n; i++) {
            for (Level level : Level.values()) {
                double total = 0;
                for (int id : wordings[i].keys()[level.ordinal()]) {
                    total += idf[level.ordinal()][id];
                }
                wordingTotals[i][level.ordinal()] = total;
            }
        }
    }

    /** The weight of a key that no wording has: the most a key can weigh. */
    double unknown() {
        return idf(documents, 0);
    }

    private static double idf(int documents, int documentFrequency) {
        return Math.log(1 + (documents + 1.0) / (documentFrequency + 0.5));
    }
}
