package org.askonce.retrieval;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.retrieval.*}: the two thresholds on the 0..1 match score (at or above
 * {@code answer-threshold} the bot answers; at or above {@code suggest-threshold} it offers a menu;
 * below, it does not know), the margin under which two different items count as a tie, and how many
 * Lucene hits are re-scored. The thresholds are calibrated on training/eval/dev.tsv.
 * {@code index-dir} is where the index is written (memory-mapped); unset, a temporary folder.
 */
@ConfigurationProperties("askonce.retrieval")
public record RetrievalSettings(
        @DefaultValue("0.62") double answerThreshold,
        @DefaultValue("0.42") double suggestThreshold,
        @DefaultValue("0.05") double ambiguityMargin,
        @DefaultValue("30") int hits,
        @DefaultValue("4") int menuSize,
        Path indexDir) {

    public RetrievalSettings {
        if (!(suggestThreshold > 0 && suggestThreshold <= answerThreshold && answerThreshold <= 1)) {
            throw new IllegalArgumentException("askonce.retrieval thresholds must satisfy 0 < suggest-threshold <= answer-threshold <= 1, were "
                    + suggestThreshold + " and " + answerThreshold);
        }
        if (hits < 1 || menuSize < 2) {
            throw new IllegalArgumentException("askonce.retrieval.hits must be >= 1 and menu-size >= 2, were " + hits + " and " + menuSize);
        }
    }

    public static RetrievalSettings defaults() {
        return new RetrievalSettings(0.62, 0.42, 0.05, 30, 4, null);
    }

    public RetrievalSettings withThresholds(double answer, double suggest) {
        return new RetrievalSettings(answer, suggest, ambiguityMargin, hits, menuSize, indexDir);
    }
}
