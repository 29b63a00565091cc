package org.askonce.dialogue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Conversations kept in memory only: for the evaluation and benchmarks, which must not write
 * into the database of a running AskOnce. Hand-offs work as in the database; messages are not
 * listed (nothing polls them here).
 */
public final class InMemoryConversationStore implements ConversationStore {

    private final Map<String, Conversation> byUser = new ConcurrentHashMap<>();
    private final Map<String, List<Turn>> turns = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final boolean keepTurns;

    public InMemoryConversationStore(boolean keepTurns) {
        this.keepTurns = keepTurns;
    }

    @Override
    public Optional<Conversation> current(Channel channel, String userId, Instant now, Duration timeout) {
        Conversation c = byUser.get(channel + "/" + userId);
        return c != null && (c.state().withPerson() || !c.lastActiveAt().isBefore(now.minus(timeout))) ? Optional.of(c) : Optional.empty();
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        return byUser.values().stream().filter(c -> c.id().equals(conversationId)).findFirst();
    }

    @Override
    public long save(Conversation conversation, Turn turn) {
        String key = conversation.channel() + "/" + conversation.userId();
        Conversation before = byUser.get(key);
        Conversation kept = before == null || !before.id().equals(conversation.id()) ? conversation
                : new Conversation(conversation.id(), conversation.channel(), conversation.userId(), conversation.startedAt(),
                conversation.lastActiveAt(), before.state(), conversation.currentItemId(), conversation.currentElement(),
                conversation.pendingOptions(), conversation.unsureCount(), conversation.lastAction(), conversation.dissatisfied(),
                before.rating());
        byUser.put(key, kept);
        if (keepTurns) {
            turns.computeIfAbsent(conversation.id(), k -> new ArrayList<>()).add(turn);
        }
        return ids.incrementAndGet();
    }

    @Override
    public synchronized boolean transition(String conversationId, Set<Conversation.State> from, Conversation.State to, Instant at) {
        Optional<Conversation> found = find(conversationId);
        if (found.isEmpty() || !from.contains(found.get().state())) {
            return false;
        }
        Conversation c = found.get();
        byUser.put(c.channel() + "/" + c.userId(), new Conversation(c.id(), c.channel(), c.userId(), c.startedAt(), at, to,
                c.currentItemId(), c.currentElement(), c.pendingOptions(), c.unsureCount(), c.lastAction(), c.dissatisfied(), c.rating()));
        return true;
    }

    @Override
    public long appendReply(String conversationId, Instant at, Sender sender, Action action, String agent, String text,
                            String delivery) {
        return ids.incrementAndGet();
    }

    @Override
    public void setDelivery(long turnId, String delivery, String detail) {
    }

    @Override
    public List<Message> messages(String conversationId, long after, int limit) {
        return List.of();
    }

    @Override
    public List<Message> transcript(String conversationId, Instant now, int limit) {
        return List.of();
    }

    @Override
    public List<Message> messagesOf(Channel channel, String userId, long after, int limit) {
        return List.of();
    }

    @Override
    public void rate(String conversationId, int rating, Action ratedAction) {
    }

    @Override
    public Optional<Message> message(long messageId) {
        return Optional.empty();
    }

    @Override
    public void rateTurn(String conversationId, long turnId, int rating) {
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
