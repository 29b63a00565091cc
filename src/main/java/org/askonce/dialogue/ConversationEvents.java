package org.askonce.dialogue;

import java.time.Instant;

/** What citizens do in a conversation that a person may be waiting for. */
public final class ConversationEvents {

    private ConversationEvents() {
    }

    /** The citizen wrote while the conversation was WAITING or WITH_AGENT; the message is stored, the bot stayed silent. */
    public record CitizenWroteToAgent(String conversationId, Channel channel, String userId, long messageId, String text,
                                      Instant at) {
    }

    /** The citizen cancelled waiting for a person ("不用了"); the conversation is back with the bot. */
    public record HandoffCancelled(String conversationId, Instant at) {
    }

    /** The citizen rated an answer or, when {@code handoff}, the hand-off just finished (1 满意, 2 基本满意, 3 不满意). */
    public record ConversationRated(String conversationId, int rating, boolean handoff, Instant at) {
    }
}
