package org.askonce.dialogue;

import java.time.Instant;

/**
 * One message of a conversation as any front end shows it. Ids grow with time across all
 * conversations, so "the messages after id N" is a complete poll. {@code agent} names the agent
 * who wrote an AGENT message; {@code delivery} is where a message pushed to the citizen's channel
 * stands (null when it was given as the reply itself); {@code turnId} is the stored turn it belongs to;
 * {@code rating} is the citizen's rating of a reply (1..3), null when not rated; {@code itemId} is the item a bot's
 * reply was about (null otherwise).
 */
public record Message(long id, String conversationId, Sender sender, String text, Instant at, String agent, String delivery,
                      String deliveryDetail, long turnId, Action action, Integer rating, String itemId) {

    /** A message not tied to an item. */
    public Message(long id, String conversationId, Sender sender, String text, Instant at, String agent, String delivery,
                   String deliveryDetail, long turnId, Action action, Integer rating) {
        this(id, conversationId, sender, text, at, agent, delivery, deliveryDetail, turnId, action, rating, null);
    }

    /** A message without a rating. */
    public Message(long id, String conversationId, Sender sender, String text, Instant at, String agent, String delivery,
                   String deliveryDetail, long turnId, Action action) {
        this(id, conversationId, sender, text, at, agent, delivery, deliveryDetail, turnId, action, null);
    }

    /** The citizen's message of a turn. */
    static long citizenId(long turnId) {
        return turnId * 2;
    }

    /** The reply (bot's or agent's) of a turn. */
    static long replyId(long turnId) {
        return turnId * 2 + 1;
    }
}
