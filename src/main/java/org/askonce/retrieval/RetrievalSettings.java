package org.askonce.retrieval;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.retrieval.*}: the two thresholds on the 0..1 score of the best item (at or above
 * {@code answer-threshold} the bot answers; at or above {@code suggest-threshold} it offers a menu;
 * below, it does not know) — on the fused score ({@link Fusion}), and {@code lexical-answer-threshold}
 * / {@code lexical-suggest-threshold} on the lexical score when there are no vectors; the margin
 * under which two different items count as a tie; how many Lucene hits are re-scored.
 * The thresholds are calibrated on the dev sets (training/eval/*dev*.tsv).
 * {@code semantic}: whether the sentence-embedding model is used (false: lexical only, no model
 * loaded). {@code query-cache}: how many questions' vectors are kept (0: none).
 * {@code index-dir} is where the index is written (memory-mapped); unset, a temporary folder.
 * {@code vectors-dir}: the vectors shipped with the knowledge base (unset: {@code <knowledge-base>/vectors}).
 * {@code menu-threshold}: below the suggest threshold, a question the intent model does not take for
 * small talk still gets a menu of the first candidates when the best is at or above this (a
 * catalogue imported with no wordings of its own knows situations only by meaning, and a menu that
 * holds the right item saves the citizen a second question); below it the bot says it does not know.
 */
@ConfigurationProperties("askonce.retrieval")
public record RetrievalSettings(
        @DefaultValue("0.7") double answerThreshold,
        @DefaultValue("0.1") double suggestThreshold,
        @DefaultValue("0.05") double ambiguityMargin,
        @DefaultValue("30") int hits,
        @DefaultValue("4") int menuSize,
        Path indexDir,
        @DefaultValue("0.62") double lexicalAnswerThreshold,
        @DefaultValue("0.42") double lexicalSuggestThreshold,
        @DefaultValue("true") boolean semantic,
        @DefaultValue("10000") int queryCache,
        Path vectorsDir,
        @DefaultValue("0.02") double menuThreshold) {

    public RetrievalSettings {
        check(answerThreshold, suggestThreshold, "");
        check(lexicalAnswerThreshold, lexicalSuggestThreshold, "lexical-");
        if (!(menuThreshold > 0 && menuThreshold <= suggestThreshold)) {
            throw new IllegalArgumentException("askonce.retrieval.menu-threshold must satisfy 0 < menu-threshold <= suggest-threshold, was "
                    + menuThreshold);
        }
        if (hits < 1 || menuSize < 2) {
            throw new IllegalArgumentException("askonce.retrieval.hits must be >= 1 and menu-size >= 2, were " + hits + " and " + menuSize);
        }
        if (queryCache < 0) {
            throw new IllegalArgumentException("askonce.retrieval.query-cache must be >= 0, was " + queryCache);
        }
    }

    private static void check(double answer, double suggest, String prefix) {
        if (!(suggest > 0 && suggest <= answer && answer <= 1)) {
            throw new IllegalArgumentException("askonce.retrieval thresholds must satisfy 0 < " + prefix + "suggest-threshold <= " + prefix
                    + "answer-threshold <= 1, were " + suggest + " and " + answer);
        }
    }

    public static RetrievalSettings defaults() {
        return new RetrievalSettings(0.7, 0.1, 0.05, 30, 4, null, 0.62, 0.42, true, 10000, null, 0.02);
    }

    /** Lexical only: no sentence-embedding model. */
    public static RetrievalSettings lexicalOnly() {
        return defaults().withSemantic(false);
    }

    public RetrievalSettings withThresholds(double answer, double suggest) {
        return new RetrievalSettings(answer, suggest, ambiguityMargin, hits, menuSize, indexDir, lexicalAnswerThreshold,
                lexicalSuggestThreshold, semantic, queryCache, vectorsDir, Math.min(menuThreshold, suggest));
    }

    public RetrievalSettings withSemantic(boolean on) {
        return new RetrievalSettings(answerThreshold, suggestThreshold, ambiguityMargin, hits, menuSize, indexDir, lexicalAnswerThreshold,
                lexicalSuggestThreshold, on, queryCache, vectorsDir, menuThreshold);
    }

    public RetrievalSettings withQueryCache(int size) {
        return new RetrievalSettings(answerThreshold, suggestThreshold, ambiguityMargin, hits, menuSize, indexDir, lexicalAnswerThreshold,
                lexicalSuggestThreshold, semantic, size, vectorsDir, menuThreshold);
    }

    /** The same settings with the index in a temporary folder (engines built in memory). */
    public RetrievalSettings inMemory() {
        return new RetrievalSettings(answerThreshold, suggestThreshold, ambiguityMargin, hits, menuSize, null, lexicalAnswerThreshold,
                lexicalSuggestThreshold, semantic, queryCache, vectorsDir, menuThreshold);
    }
}
