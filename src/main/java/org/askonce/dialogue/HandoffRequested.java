package org.askonce.dialogue;

import java.time.Instant;
import java.util.List;

/**
 * The bot decided a person should take over this conversation; it is now WAITING. {@code candidates}
 * are the bot's best guesses with their scores, for the agent.
 */
public record HandoffRequested(String conversationId, Channel channel, String userId, Reason reason, String question,
                               List<Suggestion> candidates, Instant at) {

    public HandoffRequested {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** One of the bot's guesses: an item or a FAQ, its title and score. */
    public record Suggestion(String itemId, String faqId, String title, double score) {
    }

    public enum Reason {
        /** The citizen asked for a person (人工, 转人工, 找客服). */
        CITIZEN_ASKED,
        /** The bot was not sure twice in a row. */
        NOT_SURE_TWICE,
        /** The citizen rated an answer 不满意 and asked again. */
        DISSATISFIED,
        /** The citizen complained. */
        COMPLAINT,
        /** The bot failed on this message (logged with the conversation id). */
        INTERNAL_ERROR;

        /** What staff read. */
        public String label() {
            return switch (this) {
                case CITIZEN_ASKED -> "市民要求人工";
                case NOT_SURE_TWICE -> "机器人两次没把握";
                case DISSATISFIED -> "不满意后再次提问";
                case COMPLAINT -> "投诉";
                case INTERNAL_ERROR -> "系统出错";
            };
        }
    }
}
