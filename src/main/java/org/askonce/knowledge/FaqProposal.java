package org.askonce.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A Q&A proposed for the knowledge base from outside the editor console (an agent's answer to a
 * handed-off question): {@code source} says where from (HANDOFF) and {@code sourceRef} which one.
 * A draft until a knowledge editor publishes it.
 */
public record FaqProposal(long id, String itemId, String question, List<String> similarQuestions, String answer, String source,
                          String sourceRef, String proposedBy, Instant createdAt, String status) {

    public FaqProposal {
        similarQuestions = similarQuestions == null ? List.of() : List.copyOf(similarQuestions);
    }
}
