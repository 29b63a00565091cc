package org.askonce.knowledge.editing;

import java.time.Instant;
import java.util.List;

/**
 * A Q&A proposed for the knowledge base from outside the editor console (an agent's answer to a
 * handed-off question): {@code source} says where from (HANDOFF) and {@code sourceRef} which one.
 * It waits (PROPOSED) until an editor adopts it, as a FAQ in a draft version of an item
 * ({@code adoptedItemId}, {@code adoptedVersion}) that a reviewer then publishes, or rejects it with
 * an optional reason ({@code handledNote}); {@code handledBy} and {@code handledAt} say who and when.
 */
public record FaqProposal(long id, String itemId, String question, List<String> similarQuestions, String answer, String source,
                          String sourceRef, String proposedBy, Instant createdAt, Status status, String handledBy, Instant handledAt,
                          String handledNote, String adoptedItemId, Integer adoptedVersion) {

    public enum Status {
        PROPOSED("待处理"), ADOPTED("已采纳"), REJECTED("不采纳");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public FaqProposal {
        similarQuestions = similarQuestions == null ? List.of() : List.copyOf(similarQuestions);
    }
}
