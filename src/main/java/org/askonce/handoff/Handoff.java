package org.askonce.handoff;

import java.time.Instant;
import java.util.List;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.HandoffRequested;

/**
 * One hand-off: a conversation from the moment the bot passed it to people until it was resolved,
 * handed back to the bot or cancelled by the citizen. {@code afterHours}: asked outside working
 * hours, {@code answerDue} when the citizen was told to expect an answer. {@code unreachable}: a
 * message could not be pushed to the citizen (WeChat's 48-hour window): contact them another way,
 * by {@code contactPhone} if they left one.
 */
public record Handoff(long id, String conversationId, Channel channel, String userId, HandoffRequested.Reason reason,
                      String question, List<HandoffRequested.Suggestion> candidates, State state, String agent,
                      Instant createdAt, Instant claimedAt, Instant closedAt, boolean afterHours, Instant answerDue,
                      String contactPhone, boolean unreachable, Integer rating) {

    public enum State {
        WAITING, WITH_AGENT, RESOLVED, HANDED_BACK, CANCELLED;

        public boolean open() {
            return this == WAITING || this == WITH_AGENT;
        }

        public String label() {
            return switch (this) {
                case WAITING -> "排队中";
                case WITH_AGENT -> "接待中";
                case RESOLVED -> "已解决";
                case HANDED_BACK -> "已交回机器人";
                case CANCELLED -> "市民已取消";
            };
        }
    }

    /** The citizen's questions that led to the hand-off, one a line (none when they only asked for a person so far). */
    public List<String> questionLines() {
        return question == null || question.isBlank() ? List.of()
                : java.util.Arrays.stream(question.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    public String reasonLabel() {
        return reason.label();
    }

    public String channelLabel() {
        return channel == Channel.WECHAT ? "微信" : "网页";
    }
}
