package org.askonce.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Where conversations and their turns live. */
public interface ConversationStore {

    /**
     * The user's conversation on this channel if it was active within {@code timeout}, or whatever its
     * age while a person has it (WAITING, WITH_AGENT): a question left overnight is still theirs.
     */
    Optional<Conversation> current(Channel channel, String userId, Instant now, Duration timeout);

    Optional<Conversation> find(String conversationId);

    /**
     * Saves the conversation and appends the turn, together; returns the turn's id. The state (who
     * answers) is written only for a new conversation: a state change goes through
     * {@link #transition}, so that a message being answered cannot undo an agent's claim. The
     * citizen's words are stored masked; a database store keeps their clear text aside for
     * {@link #transcript} while a person may need it.
     */
    long save(Conversation conversation, Turn turn);

    /** Changes the state if it is one of {@code from}; false when it was not (someone else changed it first). */
    boolean transition(String conversationId, Set<Conversation.State> from, Conversation.State to, Instant at);

    /** Appends a message to the citizen that is not an answer to a question (an agent's, a notice); returns the turn id. */
    long appendReply(String conversationId, Instant at, Sender sender, Action action, String agent, String text, String delivery);

    /** Records where a pushed message stands. */
    void setDelivery(long turnId, String delivery, String detail);

    /** The conversation's messages after message id {@code after}, oldest first, at most {@code limit}; citizens' words masked. */
    List<Message> messages(String conversationId, long after, int limit);

    /**
     * The conversation's messages, oldest first, at most {@code limit}, for the people it is handed to:
     * what the citizen typed in clear where the clear text is still kept at {@code now}, masked otherwise.
     */
    List<Message> transcript(String conversationId, Instant now, int limit);

    /** The user's messages on this channel (all their conversations) after message id {@code after}, oldest first; their words masked. */
    List<Message> messagesOf(Channel channel, String userId, long after, int limit);

    /**
     * Stores a rating (1..3) for the conversation and for its latest turn of action {@code ratedAction}
     * (the answer, or the notice that ended a hand-off).
     */
    void rate(String conversationId, int rating, Action ratedAction);

    /** One message by its id (as {@link #messages} numbers them), citizens' words masked; empty when there is none. */
    Optional<Message> message(long messageId);

    /** Stores a rating (1..3) for one turn's reply and, as the latest rating, for its conversation. */
    void rateTurn(String conversationId, long turnId, int rating);

    /** The turns with a citizen's message, oldest first, as stored (masked). */
    List<Turn> turns(String conversationId);

    /** Deletes every conversation of the user on this channel with its turns; returns how many conversations. */
    int forget(Channel channel, String userId);
}
