package org.askonce.dialogue;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The conversations as the channels and the people who take them over see them: their messages and
 * transcripts, the state a hand-off moves them through, agents' replies and notices posted to the
 * citizen, and forgetting a citizen. What the bot answers is the {@link DialogueEngine}'s.
 */
@Service
public class Conversations {

    private static final Logger log = LoggerFactory.getLogger(Conversations.class);

    private final ConversationStore store;
    private final KnowledgeBase knowledgeBase;
    private final DialogueSettings settings;
    private final ReplyComposer composer;
    private final Clock clock;

    @Autowired
    Conversations(ConversationStore store, KnowledgeBase knowledgeBase, DialogueSettings settings) {
        this(store, knowledgeBase, settings, Clock.systemUTC());
    }

    Conversations(ConversationStore store, KnowledgeBase knowledgeBase, DialogueSettings settings, Clock clock) {
        this.store = store;
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
        this.composer = new ReplyComposer(settings);
        this.clock = clock;
    }

    public Optional<Conversation> conversation(String conversationId) {
        return store.find(conversationId);
    }

    /** Moves a conversation between BOT, WAITING and WITH_AGENT if it is in one of {@code from}; false if it was not. */
    public boolean transition(String conversationId, Set<Conversation.State> from, Conversation.State to) {
        return store.transition(conversationId, from, to, clock.instant());
    }

    /**
     * Adds a message to the citizen from an agent ({@link Sender#AGENT}, {@link Action#AGENT_REPLY}) or
     * about the hand-off ({@link Sender#BOT}, {@link Action#NOTICE} or {@link Action#RESOLVED}); returns
     * the stored turn's id. {@code delivery} is where a pushed message stands (null if not pushed).
     */
    public long postToCitizen(String conversationId, Sender sender, Action action, String agent, String text, String delivery) {
        return store.appendReply(conversationId, clock.instant(), sender, action, agent, text, delivery);
    }

    /** What a citizen asking for this element of the item gets (an agent inserts it into a reply). */
    public String describe(ServiceItem item, Element element) {
        return composer.element(item, element);
    }

    public void setDelivery(long turnId, String delivery, String detail) {
        store.setDelivery(turnId, delivery, detail);
    }

    /** The id of the reply message of a stored turn (what {@link #postToCitizen} returned). */
    public static long replyMessageId(long turnId) {
        return Message.replyId(turnId);
    }

    /** The conversation's messages after message id {@code after}; what the citizen typed is masked. */
    public List<Message> messages(String conversationId, long after) {
        return store.messages(conversationId, after, 500);
    }

    /** Whether the user has any message on this channel. */
    public boolean hasHistory(Channel channel, String userId) {
        return !store.messagesOf(channel, userId, 0, 1).isEmpty();
    }

    /**
     * The whole conversation for the people it was handed to: what the citizen typed in clear while
     * it is kept (a person has the conversation, or had it within the clear-text retention), masked
     * otherwise. Staff reads of it are to be recorded by the caller.
     */
    public List<Message> transcript(String conversationId) {
        return store.transcript(conversationId, clock.instant(), 500);
    }

    public List<Message> messagesOf(Channel channel, String userId, long after) {
        return store.messagesOf(channel, userId, after, 500);
    }

    /** The item the user's current conversation is about, if any (e.g. to answer a shared location with its halls). */
    public Optional<ServiceItem> currentItem(Channel channel, String userId) {
        return store.current(channel, userId, clock.instant(), settings.sessionTimeout())
                .map(Conversation::currentItemId)
                .flatMap(id -> knowledgeBase.snapshot().item(id));
    }

    /**
     * Forgets the user: deletes their conversations and turns on this channel (a WeChat user who
     * unsubscribes). Returns the number of conversations deleted.
     */
    public int forget(Channel channel, String userId) {
        int n = store.forget(channel, userId);
        log.info("Forgot {} conversation(s) of a {} user", n, channel);
        return n;
    }
}
