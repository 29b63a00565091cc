package org.askonce.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.askonce.dialogue.ConversationEvents.CitizenWroteToAgent;
import org.askonce.dialogue.ConversationEvents.HandoffCancelled;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
import org.askonce.retrieval.AnswerModel;
import org.askonce.retrieval.Retriever;
import org.askonce.retrieval.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Handles one citizen message in its conversation: understands it, finds the answer, decides to
 * answer, clarify, hand off or say it does not know, words the reply, stores the turn and
 * publishes what happened. What to do with a message is decided by the {@link AnswerPolicy}.
 */
@Service
public class DialogueEngine {

    private static final Logger log = LoggerFactory.getLogger(DialogueEngine.class);

    private final KnowledgeBase knowledgeBase;
    private final Retriever retriever;
    private final ConversationStore store;
    private final ApplicationEventPublisher events;
    private final DialogueSettings settings;
    private final ReplyComposer composer;
    private final AnswerPolicy policy;
    private final AnswerRatings ratings;
    private final Clock clock;
    private final Supplier<AgentAvailability> availability;
    private Supplier<BookingDesk> bookings = () -> BookingDesk.NONE;

    @Autowired
    DialogueEngine(KnowledgeBase knowledgeBase, Retriever retriever, ConversationStore store,
                   ApplicationEventPublisher events, DialogueSettings settings, ObjectProvider<AgentAvailability> availability,
                   ObjectProvider<BookingDesk> bookings) {
        this(knowledgeBase, retriever, store, events, settings, Clock.systemUTC(),
                () -> availability.getIfAvailable(() -> AgentAvailability.ALWAYS));
        this.bookings = () -> bookings.getIfAvailable(() -> BookingDesk.NONE);
    }

    DialogueEngine(KnowledgeBase knowledgeBase, Retriever retriever, ConversationStore store,
                   ApplicationEventPublisher events, DialogueSettings settings, Clock clock) {
        this(knowledgeBase, retriever, store, events, settings, clock, () -> AgentAvailability.ALWAYS);
    }

    DialogueEngine(KnowledgeBase knowledgeBase, Retriever retriever, ConversationStore store,
                   ApplicationEventPublisher events, DialogueSettings settings, Clock clock, Supplier<AgentAvailability> availability) {
        this.knowledgeBase = knowledgeBase;
        this.retriever = retriever;
        this.store = store;
        this.events = events;
        this.settings = settings;
        this.composer = new ReplyComposer(settings);
        this.policy = new AnswerPolicy(composer, new RegionGuard(settings));
        this.ratings = new AnswerRatings(store, events, composer, settings, clock);
        this.clock = clock;
        this.availability = availability;
    }

    /** An engine outside Spring (evaluation, benchmarks), with its own store and no event listeners. */
    public static DialogueEngine create(KnowledgeBase knowledgeBase, Retriever retriever,
                                        ConversationStore store, DialogueSettings settings) {
        return new DialogueEngine(knowledgeBase, retriever, store, event -> { }, settings, Clock.systemUTC());
    }

    /**
     * Handles a message.
     *
     * @throws IllegalArgumentException if the user id or text is missing
     */
    public Reply handle(Channel channel, String userId, String text) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank");
        }
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        Instant now = clock.instant();
        Optional<Conversation> found = store.current(channel, userId, now, settings.sessionTimeout());
        Conversation conversation = found.orElseGet(() -> Conversation.start(UUID.randomUUID().toString(), channel, userId, now));
        String question = text.length() > 1000 ? text.substring(0, 1000) : text;
        if (conversation.state().withPerson()) {
            return toPerson(conversation, question, now);
        }
        OptionalInt rating = ratings.rateable(conversation) ? Ratings.parse(text) : OptionalInt.empty();
        if (rating.isPresent()) {
            return ratings.rate(conversation, rating.getAsInt(), question, now);
        }

        Optional<BookingDesk.BookingReply> booking = booking(conversation, question);
        if (booking.isPresent()) {
            return booking(conversation, question, booking.get(), now);
        }

        KnowledgeSnapshot kb = knowledgeBase.snapshot();
        AnswerModel model = retriever.current();
        String intentName;
        Analysis analysis = null;
        SearchResult result = null;
        Decision d;
        try {
            analysis = model.analyze(text);
            intentName = analysis.intent().name();
            result = analysis.text().isBlank() ? null : model.search(analysis);
            d = policy.decide(conversation, analysis, result, model, kb);
        } catch (RuntimeException e) {
            // a citizen never sees an internal error: a person takes over, the error is logged
            log.error("conversation {}: could not answer, handing over to a person", conversation.id(), e);
            intentName = null;
            d = Decision.handoff(HandoffRequested.Reason.INTERNAL_ERROR, 0);
        }

        int unsure = d.unsure() ? conversation.unsureCount() + 1 : 0;
        HandoffRequested.Reason handoff = d.handoff();
        if (handoff == null && unsure >= settings.unsureLimit()) {
            handoff = HandoffRequested.Reason.NOT_SURE_TWICE;
        }
        if (handoff == null && conversation.dissatisfied() && d.action() != Action.SMALLTALK) {
            handoff = HandoffRequested.Reason.DISSATISFIED; // 不满意, then asked again: a person answers
        }
        Action action = handoff != null ? Action.HANDOFF : d.action();
        List<Element> elements = List.of();
        if (handoff == null && d.action() == Action.ANSWER && d.faqId() == null && d.eventId() == null && d.itemId() != null
                && analysis != null) {
            AsAsked asAsked = AsAsked.of(composer, d, analysis, kb.item(d.itemId()).orElseThrow());
            d = asAsked.decision();
            elements = asAsked.elements();
        }
        String replyText = handoff != null ? handoffText(handoff, now) : d.text();
        if (handoff != null) {
            unsure = 0;
        }
        Conversation next = conversation.after(now, action)
                .inState(handoff != null ? Conversation.State.WAITING : Conversation.State.BOT)
                .about(d.itemId() != null ? d.itemId() : d.keepItem() ? conversation.currentItemId() : null,
                        d.element() != null ? d.element() : d.keepItem() ? conversation.currentElement() : null)
                .withMenu(d.options())
                .withUnsure(unsure);
        String itemName = d.itemId() == null ? null : kb.item(d.itemId()).map(ServiceItem::name).orElse(null);
        List<String> optionNames = d.options().stream().map(id -> kb.item(id).map(ServiceItem::name).orElse(id)).toList();
        String faqQuestion = d.faqId() == null ? null : kb.faq(d.faqId()).map(Faq::question).orElse(null);
        Turn turn = new Turn(conversation.id(), now, question, intentName, action, d.itemId(), d.element(), d.faqId(),
                d.confidence(), replyText);
        if (handoff != null && found.isPresent()) {
            store.transition(conversation.id(), Set.of(Conversation.State.BOT), Conversation.State.WAITING, now);
        }
        long turnId = store.save(next, turn);
        if (log.isDebugEnabled()) {
            log.debug("conversation {}: intent {} → {} item={} element={} confidence={}", conversation.id(), intentName, action,
                    d.itemId(), d.element(), String.format("%.3f", d.confidence()));
        }
        events.publishEvent(new QuestionAnswered(conversation.id(), channel, action, d.itemId(), d.element(), d.faqId(), d.confidence(), now,
                action == Action.ANSWER ? d.eventId() : null));
        if (handoff != null) {
            events.publishEvent(new HandoffRequested(conversation.id(), channel, userId, handoff, question,
                    suggestions(result, kb), now));
        }
        boolean event = action == Action.ANSWER && d.eventId() != null;
        String eventName = event ? kb.event(d.eventId()).map(LifeEvent::name).orElse(null) : null;
        return new Reply(conversation.id(), action, d.itemId(), itemName, action == Action.ANSWER ? d.element() : null, replyText,
                action == Action.CLARIFY || event ? optionNames : List.of(), d.confidence(), d.faqId(), faqQuestion,
                Message.replyId(turnId), action == Action.ANSWER ? elements : List.of(), eventName);
    }

    private Optional<BookingDesk.BookingReply> booking(Conversation conversation, String question) {
        try {
            return bookings.get().handle(conversation.channel(), conversation.userId(), question, conversation.currentItemId());
        } catch (RuntimeException e) {
            // booking is not available just now: the message is answered as a question
            log.error("conversation {}: booking failed, answering the message instead", conversation.id(), e);
            return Optional.empty();
        }
    }

    /** Stores and returns a booking reply: a menu (CLARIFY), a booking made (ANSWER about its item), or a short reply. */
    private Reply booking(Conversation conversation, String question, BookingDesk.BookingReply b, Instant now) {
        Action action = b.bookedItemId() != null ? Action.ANSWER : b.options().size() > 1 ? Action.CLARIFY : Action.SMALLTALK;
        String itemId = b.bookedItemId() != null ? b.bookedItemId() : conversation.currentItemId();
        Conversation next = conversation.after(now, action).inState(Conversation.State.BOT)
                .about(itemId, b.bookedItemId() != null ? null : conversation.currentElement());
        long turnId = store.save(next, new Turn(conversation.id(), now, question, "BOOKING", action, b.bookedItemId(), null, null, 1.0, b.text()));
        String itemName = b.bookedItemId() == null ? null : knowledgeBase.snapshot().item(b.bookedItemId()).map(ServiceItem::name).orElse(null);
        return new Reply(conversation.id(), action, b.bookedItemId(), itemName, null, b.text(),
                action == Action.CLARIFY ? b.options() : List.of(), 1.0, null, null, Message.replyId(turnId), List.of(), null);
    }

    /**
     * Rates the latest answer or the hand-off that just finished (web chat buttons; in text, 1/2/3 or
     * 满意/基本满意/不满意 do the same).
     *
     * @throws IllegalArgumentException if the rating is not 1, 2 or 3
     * @throws IllegalStateException    if nothing can be rated now
     */
    public Reply rate(Channel channel, String userId, int rating) {
        return ratings.rateLatest(channel, userId, rating);
    }

    /**
     * Rates one answer of the user's (or the notice that ended a hand-off), however long ago it was
     * given: the web chat's buttons under each answer (see {@link AnswerRatings#rateMessage}).
     *
     * @throws IllegalArgumentException if the rating is not 1, 2 or 3
     * @throws NotTheirs                if there is no such message in this user's conversations on this channel
     * @throws IllegalStateException    if the message is not an answer
     */
    public Reply rate(Channel channel, String userId, long messageId, int rating) {
        return ratings.rateMessage(channel, userId, messageId, rating);
    }

    /** The message to rate is not in the user's conversations (or does not exist). */
    public static final class NotTheirs extends RuntimeException {
        NotTheirs() {
            super("没有找到这条回答，或它不属于您的对话，无法评价", null, false, false);
        }
    }

    /**
     * A message while a person has the conversation: stored for them, the bot stays silent (the
     * first message after the hand-off is told a person will answer). Waiting can be cancelled.
     */
    private Reply toPerson(Conversation conversation, String text, Instant now) {
        if (conversation.state() == Conversation.State.WAITING && Ratings.cancels(text)
                && store.transition(conversation.id(), Set.of(Conversation.State.WAITING), Conversation.State.BOT, now)) {
            String reply = composer.handoffCancelled();
            long turnId = store.save(conversation.after(now, Action.NOTICE).inState(Conversation.State.BOT),
                    new Turn(conversation.id(), now, text, null, Action.NOTICE, null, null, null, 1.0, reply));
            events.publishEvent(new HandoffCancelled(conversation.id(), now));
            return Reply.said(conversation.id(), Action.NOTICE, reply, 1.0, Message.replyId(turnId));
        }
        String reply = conversation.lastAction() == Action.HANDOFF ? composer.passedToPerson() : "";
        long turnId = store.save(conversation.after(now, Action.WITH_AGENT),
                new Turn(conversation.id(), now, text, null, Action.WITH_AGENT, null, null, null, 0, reply));
        events.publishEvent(new CitizenWroteToAgent(conversation.id(), conversation.channel(), conversation.userId(),
                Message.citizenId(turnId), text, now));
        return Reply.said(conversation.id(), Action.WITH_AGENT, reply, 0, reply.isEmpty() ? Message.citizenId(turnId) : Message.replyId(turnId));
    }

    private String handoffText(HandoffRequested.Reason reason, Instant now) {
        return availability.get().nextOpening(now).map(opening -> composer.handoffAfterHours(reason, opening))
                .orElseGet(() -> composer.handoff(reason));
    }

    /** The bot's best guesses for the agent: up to three items and two FAQs with their scores. */
    private List<HandoffRequested.Suggestion> suggestions(SearchResult result, KnowledgeSnapshot kb) {
        if (result == null) {
            return List.of();
        }
        try {
            List<HandoffRequested.Suggestion> out = new ArrayList<>();
            result.items().stream().limit(3).forEach(c -> out.add(new HandoffRequested.Suggestion(c.itemId(), null,
                    kb.item(c.itemId()).map(ServiceItem::name).orElse(c.itemId()), c.score())));
            result.faqs().stream().limit(2).forEach(c -> out.add(new HandoffRequested.Suggestion(c.itemId(), c.faqId(),
                    kb.faq(c.faqId()).map(Faq::question).orElse(c.faqId()), c.score())));
            return out;
        } catch (RuntimeException e) {
            log.warn("could not list the bot's candidates for a hand-off", e);
            return List.of();
        }
    }
}
