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

    /**
     * The conversation after a message at {@code at} that was handled with {@code action}: the same
     * state, item and element, no open menu, not unsure, not dissatisfied. The {@code with…} methods
     * change what else the message changed.
     */
    Conversation after(Instant at, Action action) {
        return new Conversation(id, channel, userId, startedAt, at, state, currentItemId, currentElement, List.of(), 0, action,
                false, rating);
    }

    /** The same, now answered by the bot, waiting for a person, or with one. */
    Conversation inState(State newState) {
        return new Conversation(id, channel, userId, startedAt, lastActiveAt, newState, currentItemId, currentElement,
                pendingOptions, unsureCount, lastAction, dissatisfied, rating);
    }

    /** The same, now about this item and element (follow-ups stay on them; null: none). */
    Conversation about(String itemId, Element element) {
        return new Conversation(id, channel, userId, startedAt, lastActiveAt, state, itemId, element, pendingOptions, unsureCount,
                lastAction, dissatisfied, rating);
    }

    /** The same, with a menu of these items open (a number picks one). */
    Conversation withMenu(List<String> options) {
        return new Conversation(id, channel, userId, startedAt, lastActiveAt, state, currentItemId, currentElement, options,
                unsureCount, lastAction, dissatisfied, rating);
    }

    /** The same, the bot having been unsure this many times in a row. */
    Conversation withUnsure(int count) {
        return new Conversation(id, channel, userId, startedAt, lastActiveAt, state, currentItemId, currentElement, pendingOptions,
                count, lastAction, dissatisfied, rating);
    }

    /** The same, the citizen having just said 不满意 (their next question goes to a person) or not. */
    Conversation withDissatisfied(boolean now) {
        return new Conversation(id, channel, userId, startedAt, lastActiveAt, state, currentItemId, currentElement, pendingOptions,
                unsureCount, lastAction, now, rating);
    }
}
