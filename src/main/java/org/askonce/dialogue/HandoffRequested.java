package org.askonce.dialogue;

import java.time.Instant;

/** The bot decided a person should take over this conversation. */
public record HandoffRequested(String conversationId, Channel channel, String userId, Reason reason, String question,
                               Instant at) {

    public enum Reason {
        /** The citizen asked for a person (人工, 转人工, 找客服). */
        CITIZEN_ASKED,
        /** The bot was not sure twice in a row. */
        NOT_SURE_TWICE,
        /** The citizen complained. */
        COMPLAINT,
        /** The bot failed on this message (logged with the conversation id). */
        INTERNAL_ERROR
    }
}
