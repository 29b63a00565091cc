package org.askonce.dialogue;

import java.time.Instant;
import java.util.List;
import org.askonce.knowledge.Element;

/**
 * A conversation's state between turns: who is answering (the bot, or a person: WAITING for one,
 * WITH_AGENT), the item it is about (follow-ups stay on it), the element last asked, the item ids
 * of an open menu, how many times in a row the bot was not sure, what was done last (an answer or
 * a finished hand-off can be rated), whether the citizen just said 不满意, and their latest rating.
 */
public record Conversation(String id, Channel channel, String userId, Instant startedAt, Instant lastActiveAt, State state,
                           String currentItemId, Element currentElement, List<String> pendingOptions, int unsureCount,
                           Action lastAction, boolean dissatisfied, Integer rating) {

    /** Who answers the citizen. A hand-off goes BOT → WAITING → WITH_AGENT → BOT (resolved or handed back). */
    public enum State {
        BOT, WAITING, WITH_AGENT;

        /** A person has the conversation (or will): the bot does not answer on its own. */
        public boolean withPerson() {
            return this != BOT;
        }
    }

    public Conversation {
        pendingOptions = pendingOptions == null ? List.of() : List.copyOf(pendingOptions);
    }

    static Conversation start(String id, Channel channel, String userId, Instant at) {
        return new Conversation(id, channel, userId, at, at, State.BOT, null, null, List.of(), 0, null, false, null);
    }

    Conversation next(Instant at, State newState, String itemId, Element element, List<String> options, int unsure,
                      Action action, boolean nowDissatisfied) {
        return new Conversation(id, channel, userId, startedAt, at, newState, itemId, element, options, unsure, action,
                nowDissatisfied, rating);
    }
}
