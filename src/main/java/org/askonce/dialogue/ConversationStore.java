package org.askonce.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where conversations and their turns live. */
public interface ConversationStore {

    /** The user's conversation on this channel if it was active within {@code timeout}, else empty. */
    Optional<Conversation> current(Channel channel, String userId, Instant now, Duration timeout);

    /** Saves the conversation's new state and appends the turn, together. */
    void save(Conversation conversation, Turn turn);

    List<Turn> turns(String conversationId);

    /** Deletes every conversation of the user on this channel with its turns; returns how many conversations. */
    int forget(Channel channel, String userId);
}
