package org.askonce.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conversations kept in memory only: for the evaluation and benchmarks, which must not write
 * into the database of a running AskOnce.
 */
public final class InMemoryConversationStore implements ConversationStore {

    private final Map<String, Conversation> byUser = new ConcurrentHashMap<>();
    private final Map<String, List<Turn>> turns = new ConcurrentHashMap<>();
    private final boolean keepTurns;

    public InMemoryConversationStore(boolean keepTurns) {
        this.keepTurns = keepTurns;
    }

    @Override
    public Optional<Conversation> current(Channel channel, String userId, Instant now, Duration timeout) {
        Conversation c = byUser.get(channel + "/" + userId);
        return c != null && !c.lastActiveAt().isBefore(now.minus(timeout)) ? Optional.of(c) : Optional.empty();
    }

    @Override
    public void save(Conversation conversation, Turn turn) {
        byUser.put(conversation.channel() + "/" + conversation.userId(), conversation);
        if (keepTurns) {
            turns.computeIfAbsent(conversation.id(), k -> new ArrayList<>()).add(turn);
        }
    }

    @Override
    public List<Turn> turns(String conversationId) {
        return List.copyOf(turns.getOrDefault(conversationId, List.of()));
    }

    @Override
    public int forget(Channel channel, String userId) {
        Conversation c = byUser.remove(channel + "/" + userId);
        if (c == null) {
            return 0;
        }
        turns.remove(c.id());
        return 1;
    }

    /** Forgets every conversation. */
    public void clear() {
        byUser.clear();
        turns.clear();
    }
}
