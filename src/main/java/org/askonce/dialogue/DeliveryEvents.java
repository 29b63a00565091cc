package org.askonce.dialogue;

/**
 * Messages to a citizen that are not a reply to their message (an agent's answer, the end of a
 * hand-off) must be pushed through their channel. The channel publishes how each push ended.
 */
public final class DeliveryEvents {

    private DeliveryEvents() {
    }

    /** Push {@code text} to the citizen; {@code turnId} identifies the stored message. */
    public record PushRequested(long turnId, String conversationId, Channel channel, String userId, String text) {
    }

    /**
     * How a push ended, or where it stands: {@code state} is PENDING (retrying), SENT, OUTSIDE_WINDOW
     * (the citizen has not written for 48 h), QUOTA_EXCEEDED or FAILED, with the channel's detail. The
     * web chat has no push: a message to a web citizen is UNREAD until their page fetched it, then SENT.
     */
    public record PushSettled(long turnId, String conversationId, String state, String detail) {

        public boolean unreachable() {
            return "OUTSIDE_WINDOW".equals(state) || "FAILED".equals(state) || "QUOTA_EXCEEDED".equals(state);
        }
    }
}
