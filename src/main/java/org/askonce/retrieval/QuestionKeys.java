package org.askonce.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.askonce.nlp.Analysis;
import org.askonce.retrieval.SearchIndex.Level;
import org.askonce.retrieval.SearchIndex.Scored;
import org.askonce.retrieval.SearchIndex.Wording;

/**
 * A question's keys per level as the {@link SearchIndex} knows them (known ones as sorted ids with
 * their weights, and each level's total weight), and the score of a wording against them.
 */
final class QuestionKeys {
    final String[][] texts;
    final Set<String> cues;
    final boolean typoLevels;
    final int[][] ids = new int[Level.values().length][];
    final double[][] weights = new double[Level.values().length][];
    final double[] totals = new double[Level.values().length];
    private final KeyTable[] tables;

    QuestionKeys(Analysis question, KeyTable[] tables, KeyWeights keyWeights) {
        this.tables = tables;
        this.texts = SearchIndexBuilder.keys(question);
        this.cues = Set.copyOf(question.cueTerms());
        double[][] idf = keyWeights.idf;
        boolean unknown = false;
        for (Level level : Level.values()) {
            int l = level.ordinal();
            KeyTable table = tables[l];
            int[] known = new int[texts[l].length];
            int count = 0;
            for (String key : texts[l]) {
                Integer id = table.ids.get(key);
                boolean cue = level == Level.WORD && cues.contains(key);
                // a known key weighs what it weighs in the wordings (cue words less); an unknown one, the most
                totals[l] += id != null ? idf[l][id] : keyWeights.unknown() * (cue ? SearchIndex.CUE_WEIGHT : 1.0);
                if (id != null) {
                    known[count++] = id;
                }
                // a word the index does not know, or a lone character (刻/章, 犬/正), opens the typo levels
                if (level == Level.WORD && !cue && (id == null || key.length() == 1)) {
                    unknown = true;
                }
            }
            ids[l] = Arrays.copyOf(known, count);
            Arrays.sort(ids[l]);
            weights[l] = new double[count];
            for (int i = 0; i < count; i++) {
                weights[l][i] = idf[l][ids[l][i]];
            }
        }
        this.typoLevels = unknown;
    }

    /**
     * The character and pinyin levels are for words the index does not know (typos, unseen
     * compounds, lone characters); when every topic word of the question is known, the word
     * level alone decides, so that a stray shared character cannot outvote the words.
     */
    boolean uses(Level level) {
        return level == Level.WORD || typoLevels;
    }

    /** Scores one wording (with its total weight per level) against the question (both keys sorted: one merge per level). */
    Scored score(Wording wording, double[] wordingTotals) {
        Scored best = null;
        for (Level level : Level.values()) {
            int l = level.ordinal();
            double questionTotal = totals[l];
            double wordingTotal = wordingTotals[l];
            if (!uses(level) || questionTotal == 0 || wordingTotal == 0) {
                continue;
            }
            int[] a = ids[l];
            int[] b = wording.keys()[l];
            double shared = 0;
            List<String> sharedKeys = null;
            for (int i = 0, j = 0; i < a.length && j < b.length; ) {
                if (a[i] < b[j]) {
                    i++;
                } else if (a[i] > b[j]) {
                    j++;
                } else {
                    shared += weights[l][i];
                    if (sharedKeys == null) {
                        sharedKeys = new ArrayList<>(4);
                    }
                    sharedKeys.add(tables[l].texts.get(a[i]));
                    i++;
                    j++;
                }
            }
            if (sharedKeys == null) {
                continue;
            }
            double questionCoverage = shared / questionTotal;
            double wordingCoverage = Math.min(1.0, shared / wordingTotal);
            double score = level.combine(wordingCoverage, questionCoverage) * level.factor * wording.kind().weight;
            if (best == null || score > best.score()) {
                best = new Scored(wording, score, level, sharedKeys, questionCoverage, wordingCoverage);
            }
        }
        return best == null ? new Scored(wording, 0, Level.WORD, List.of(), 0, 0) : best;
    }
}
