package org.askonce.retrieval;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code answerModel}: always UP (the words alone answer while
 * vectors are computed), with what answers now: {@code signals} "semantic+lexical" or "lexical",
 * {@code vectors} "ready", "embedding n/N", "lexical" or "off" (run lexical-only:
 * {@code askonce.retrieval.semantic=false}), the publication, wordings and vectors in the index.
 */
@Component
class AnswerModelHealthIndicator implements HealthIndicator {

    private final Retriever retriever;

    AnswerModelHealthIndicator(Retriever retriever) {
        this.retriever = retriever;
    }

    @Override
    public Health health() {
        AnswerModel model = retriever.current();
        return Health.up()
                .withDetail("signals", model.semantic() ? "semantic+lexical" : "lexical")
                .withDetail("vectors", retriever.vectorState())
                .withDetail("publication", model.publication())
                .withDetail("wordings", model.wordings())
                .withDetail("vectorCount", model.vectors())
                .build();
    }
}
