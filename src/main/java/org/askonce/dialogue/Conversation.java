package org.askonce.dialogue;

import java.time.Instant;
import java.util.List;
import org.askonce.knowledge.Element;

/**
 * A conversation's state between turns: the item it is about (follow-ups stay on it), the element
 * last asked, the item ids of an open menu, and how many times in a row the bot was not sure.
 */
public record Conversation(String id, Channel channel, String userId, Instant startedAt, Instant lastActiveAt, State state,
                           String currentItemId, Element currentElement, List<String> pendingOptions, int unsureCount) {

    public enum State {
        BOT, HANDOFF_REQUESTED
    }

    public Conversation {
        pendingOptions = pendingOptions == null ? List.of() : List.copyOf(pendingOptions);
    }

    Conversation next(Instant at, State newState, String itemId, Element element, List<String> options, int unsure) {
        return new Conversation(id, channel, userId, startedAt, at, newState, itemId, element, options, unsure);
    }
}
