package org.askonce.dialogue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.askonce.dialogue.ConversationEvents.CitizenWroteToAgent;
import org.askonce.dialogue.ConversationEvents.ConversationRated;
import org.askonce.dialogue.ConversationEvents.HandoffCancelled;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.ElementCues;
import org.askonce.nlp.Intent;
import org.askonce.retrieval.AnswerModel;
import org.askonce.retrieval.Candidate;
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
 * publishes what happened. The decision rules are all in {@link #decide}.
 */
@Service
public class DialogueEngine {

    private static final Logger log = LoggerFactory.getLogger(DialogueEngine.class);
    private static final double ACT_PROBABILITY = 0.5;
    private static final double NEAR_EXACT = 0.85;
    private static final double SWITCH_MARGIN = 0.25;

    private final KnowledgeBase knowledgeBase;
    private final Retriever retriever;
    private final ConversationStore store;
    private final ApplicationEventPublisher events;
    private final DialogueSettings settings;
    private final ReplyComposer composer;
    private final RegionGuard regions;
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
        this.regions = new RegionGuard(settings);
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
        OptionalInt rating = rateable(conversation) ? Ratings.parse(text) : OptionalInt.empty();
        if (rating.isPresent()) {
            return rate(conversation, rating.getAsInt(), question, now);
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
            d = decide(conversation, analysis, result, model, kb);
        } catch (RuntimeException e) {
            // a citizen never sees an internal error: a person takes over, the error is logged
            log.error("conversation {}: could not answer, handing over to a person", conversation.id(), e);
            intentName = null;
            d = new Decision(Action.HANDOFF, null, null, null, List.of(), 0, "", false, true, HandoffRequested.Reason.INTERNAL_ERROR);
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
            AsAsked asAsked = asAsked(d, analysis, kb.item(d.itemId()).orElseThrow());
            d = asAsked.decision();
            elements = asAsked.elements();
        }
        String replyText = handoff != null ? handoffText(handoff, now) : d.text();
        if (handoff != null) {
            unsure = 0;
        }
        Conversation next = conversation.next(now, handoff != null ? Conversation.State.WAITING : Conversation.State.BOT,
                d.itemId() != null ? d.itemId() : d.keepItem() ? conversation.currentItemId() : null,
                d.element() != null ? d.element() : d.keepItem() ? conversation.currentElement() : null,
                d.options(), unsure, action, false);
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
        Conversation next = conversation.next(now, Conversation.State.BOT, itemId, b.bookedItemId() != null ? null : conversation.currentElement(),
                List.of(), 0, action, false);
        long turnId = store.save(next, new Turn(conversation.id(), now, question, "BOOKING", action, b.bookedItemId(), null, null, 1.0, b.text()));
        String itemName = b.bookedItemId() == null ? null : knowledgeBase.snapshot().item(b.bookedItemId()).map(ServiceItem::name).orElse(null);
        return new Reply(conversation.id(), action, b.bookedItemId(), itemName, null, b.text(),
                action == Action.CLARIFY ? b.options() : List.of(), 1.0, null, null, Message.replyId(turnId));
    }

    /**
     * Rates the latest answer or the hand-off that just finished (web chat buttons; in text, 1/2/3 or
     * 满意/基本满意/不满意 do the same).
     *
     * @throws IllegalArgumentException if the rating is not 1, 2 or 3
     * @throws IllegalStateException    if nothing can be rated now
     */
    public Reply rate(Channel channel, String userId, int rating) {
        if (rating < 1 || rating > 3) {
            throw new IllegalArgumentException("rating must be 1 (满意), 2 (基本满意) or 3 (不满意), was " + rating);
        }
        Instant now = clock.instant();
        Conversation conversation = store.current(channel, userId, now, settings.sessionTimeout())
                .filter(this::rateable)
                .orElseThrow(() -> new IllegalStateException("没有可以评价的回答"));
        return rate(conversation, rating, "（评价：" + Ratings.label(rating) + "）", now);
    }

    /**
     * Rates one answer of the user's (or the notice that ended a hand-off), however long ago it was
     * given: the web chat's buttons under each answer. The latest answer of the current conversation
     * is rated as {@link #rate(Channel, String, int)} does (不满意 then hands the next question to a
     * person); an earlier one only records the rating.
     *
     * @throws IllegalArgumentException if the rating is not 1, 2 or 3
     * @throws NotTheirs                if there is no such message in this user's conversations on this channel
     * @throws IllegalStateException    if the message is not an answer
     */
    public Reply rate(Channel channel, String userId, long messageId, int rating) {
        if (rating < 1 || rating > 3) {
            throw new IllegalArgumentException("rating must be 1 (满意), 2 (基本满意) or 3 (不满意), was " + rating);
        }
        Message message = store.message(messageId).orElseThrow(NotTheirs::new);
        Conversation owner = store.find(message.conversationId())
                .filter(c -> c.channel() == channel && c.userId().equals(userId))
                .orElseThrow(NotTheirs::new);
        if (message.sender() != Sender.BOT || (message.action() != Action.ANSWER && message.action() != Action.RESOLVED)) {
            throw new IllegalStateException("只能评价机器人的回答或已结束的人工服务");
        }
        Instant now = clock.instant();
        boolean latest = store.current(channel, userId, now, settings.sessionTimeout())
                .filter(c -> c.id().equals(owner.id()) && rateable(c))
                .isPresent()
                && store.messages(owner.id(), messageId, 500).stream().noneMatch(m -> m.sender() != Sender.CITIZEN);
        if (latest) {
            return rate(owner, rating, "（评价：" + Ratings.label(rating) + "）", now);
        }
        boolean handoff = message.action() == Action.RESOLVED;
        store.rateTurn(owner.id(), message.turnId(), rating);
        events.publishEvent(new ConversationRated(owner.id(), rating, handoff, now));
        return new Reply(owner.id(), Action.RATED, null, null, null, composer.ratedEarlier(rating), List.of(), 1.0, null, null, messageId);
    }

    /** The message to rate is not in the user's conversations (or does not exist). */
    public static final class NotTheirs extends RuntimeException {
        NotTheirs() {
            super("没有找到这条回答，或它不属于您的对话，无法评价", null, false, false);
        }
    }

    /** Messages that can be rated: the last thing said was an answer, or the end of a hand-off, and no menu is open. */
    private boolean rateable(Conversation c) {
        return c.pendingOptions().isEmpty() && (c.lastAction() == Action.ANSWER || c.lastAction() == Action.RESOLVED);
    }

    private Reply rate(Conversation conversation, int rating, String question, Instant now) {
        boolean handoff = conversation.lastAction() == Action.RESOLVED;
        store.rate(conversation.id(), rating, handoff ? Action.RESOLVED : Action.ANSWER);
        String reply = composer.rated(rating, handoff);
        Conversation next = conversation.next(now, Conversation.State.BOT, conversation.currentItemId(), conversation.currentElement(),
                List.of(), conversation.unsureCount(), Action.RATED, rating == 3 && !handoff);
        long turnId = store.save(next, new Turn(conversation.id(), now, question, null, Action.RATED, null, null, null, 1.0, reply));
        events.publishEvent(new ConversationRated(conversation.id(), rating, handoff, now));
        return new Reply(conversation.id(), Action.RATED, null, null, null, reply, List.of(), 1.0, null, null, Message.replyId(turnId));
    }

    /**
     * A message while a person has the conversation: stored for them, the bot stays silent (the
     * first message after the hand-off is told a person will answer). Waiting can be cancelled.
     */
    private Reply toPerson(Conversation conversation, String text, Instant now) {
        if (conversation.state() == Conversation.State.WAITING && Ratings.cancels(text)
                && store.transition(conversation.id(), Set.of(Conversation.State.WAITING), Conversation.State.BOT, now)) {
            String reply = composer.handoffCancelled();
            long turnId = store.save(conversation.next(now, Conversation.State.BOT, conversation.currentItemId(),
                    conversation.currentElement(), List.of(), 0, Action.NOTICE, false),
                    new Turn(conversation.id(), now, text, null, Action.NOTICE, null, null, null, 1.0, reply));
            events.publishEvent(new HandoffCancelled(conversation.id(), now));
            return new Reply(conversation.id(), Action.NOTICE, null, null, null, reply, List.of(), 1.0, null, null, Message.replyId(turnId));
        }
        String reply = conversation.lastAction() == Action.HANDOFF ? composer.passedToPerson() : "";
        long turnId = store.save(conversation.next(now, conversation.state(), conversation.currentItemId(),
                conversation.currentElement(), List.of(), 0, Action.WITH_AGENT, false),
                new Turn(conversation.id(), now, text, null, Action.WITH_AGENT, null, null, null, 0, reply));
        events.publishEvent(new CitizenWroteToAgent(conversation.id(), conversation.channel(), conversation.userId(),
                Message.citizenId(turnId), text, now));
        return new Reply(conversation.id(), Action.WITH_AGENT, null, null, null, reply, List.of(), 0, null, null,
                reply.isEmpty() ? Message.citizenId(turnId) : Message.replyId(turnId));
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

    // --- for the hand-off module: the conversation as people (agents) work it ---

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

    /** What to do with one analysed message, given the conversation so far. */
    record Decision(Action action, String itemId, Element element, String faqId, List<String> options, double confidence,
                    String text, boolean unsure, boolean keepItem, HandoffRequested.Reason handoff, String eventId) {

        Decision(Action action, String itemId, Element element, String faqId, List<String> options, double confidence,
                 String text, boolean unsure, boolean keepItem, HandoffRequested.Reason handoff) {
            this(action, itemId, element, faqId, options, confidence, text, unsure, keepItem, handoff, null);
        }

        static Decision of(Action action, String text, double confidence) {
            return new Decision(action, null, null, null, List.of(), confidence, text, false, true, null);
        }
    }

    Decision decide(Conversation conversation, Analysis analysis, SearchResult result, AnswerModel thresholds, KnowledgeSnapshot kb) {
        Intent intent = analysis.intent();
        double p = analysis.intentProbability();
        boolean act = p >= ACT_PROBABILITY;
        if (analysis.text().isBlank()) {
            return Decision.of(Action.UNKNOWN, composer.empty(), 0);
        }

        // 1. An open menu: a number, "是", or naming one of the options picks it.
        List<String> pending = conversation.pendingOptions();
        if (!pending.isEmpty()) {
            OptionalInt choice = Choices.parse(analysis.text(), pending.size());
            if (choice.isEmpty() && pending.size() == 1 && intent == Intent.YES && act) {
                choice = OptionalInt.of(1);
            }
            if (choice.isEmpty()) {
                choice = chosenByWords(analysis, result, pending, thresholds);
            }
            if (choice.isPresent()) {
                String itemId = pending.get(choice.getAsInt() - 1);
                Element element = conversation.currentElement() == null ? Element.OVERVIEW : conversation.currentElement();
                if (intent.isElement() && intent != Intent.OVERVIEW && act) {
                    element = intent.element().orElseThrow(); // "租房的要多久"
                }
                return answerItem(kb, itemId, element, 1.0);
            }
            if (intent == Intent.NO && act && analysis.topicTerms().isEmpty()) {
                return new Decision(Action.UNKNOWN, null, null, null, List.of(), p, composer.noneOfThese(), true, false, null);
            }
            if (intent.isElement() && intent != Intent.OVERVIEW && !analysis.namesItem()) {
                // "要多久?" while a menu is open: the element is noted, the menu stays
                List<ServiceItem> options = pending.stream().map(id -> kb.item(id).orElseThrow()).toList();
                Element element = intent.element().orElseThrow();
                return new Decision(Action.CLARIFY, null, element, null, pending, p,
                        "请先选择您要问的事项，我再告诉您" + element.label() + "。\n" + composer.menu(options), false, false, null);
            }
        }

        // 2. Dialogue acts that whatever was found does not change.
        if (act && intent == Intent.HUMAN) {
            return new Decision(Action.HANDOFF, null, null, null, List.of(), p, "", false, true, HandoffRequested.Reason.CITIZEN_ASKED);
        }
        if (act && intent == Intent.COMPLAINT) {
            return new Decision(Action.HANDOFF, null, null, null, List.of(), p, "", false, true, HandoffRequested.Reason.COMPLAINT);
        }

        Optional<Candidate> topItem = result.topItem();
        double itemScore = topItem.map(Candidate::score).orElse(0.0);
        Element asked = intent.element().orElse(Element.OVERVIEW);
        if (asked == Element.OVERVIEW && conversation.currentElement() != null && analysis.text().endsWith("呢")) {
            asked = conversation.currentElement(); // "那护照呢?" keeps the element just asked
        }

        if (act && (intent == Intent.GREETING || intent == Intent.THANKS) && itemScore < thresholds.answerThreshold()) {
            return Decision.of(Action.SMALLTALK, intent == Intent.GREETING ? composer.greeting() : composer.thanks(), p);
        }

        // 3. Follow-up on the current item: an element asked with no new item named. A new item is
        //    named by a word of the knowledge base, or matched (despite typos) almost exactly.
        //    A misspelt name that matches another item clearly better than the current one
        //    ("犬正在哪办") is not a follow-up either.
        double currentScore = conversation.currentItemId() == null ? 0 : result.items().stream()
                .filter(c -> c.itemId().equals(conversation.currentItemId())).mapToDouble(Candidate::score).findFirst().orElse(0);
        boolean newTopic = itemScore >= thresholds.suggestThreshold() && (analysis.namesItem() || itemScore >= NEAR_EXACT
                || (fragmented(analysis) && itemScore - currentScore >= SWITCH_MARGIN));
        // naming another item, even one not found for sure, leaves the current item: its element is never answered for it
        // ("狗证怎么办" → "公积金提取要带什么" is not about the dog licence)
        if (conversation.currentItemId() != null && analysis.namesItem() && currentScore < thresholds.suggestThreshold()
                && !topicOf(kb, conversation.currentItemId(), analysis)) {
            newTopic = true;
        }
        if (conversation.currentItemId() != null && !newTopic && intent.isElement()
                && (intent != Intent.OVERVIEW || analysis.topicTerms().isEmpty())
                && kb.item(conversation.currentItemId()).isPresent()) {
            return answerItem(kb, conversation.currentItemId(), asked, p);
        }

        // 4. Another Chinese city's affairs are not ours (unless moving something to or from it).
        Optional<String> otherPlace = regions.otherRegion(analysis.text());
        if (otherPlace.isPresent()
                && !namesPlace(kb, topItem.map(Candidate::itemId).orElse(null), otherPlace.get())) {
            return new Decision(Action.UNKNOWN, null, null, null, List.of(), itemScore, composer.otherCity(otherPlace.get()), false, false, null);
        }

        // 4b. A life event (一件事): the question is about the whole situation, not one item's element.
        Optional<Decision> event = lifeEvent(analysis, result, thresholds, kb);
        if (event.isPresent()) {
            return event.get();
        }

        // 5. A FAQ that matches better than any item's own names answers directly. What the intent
        //    model takes for out-of-scope small talk needs a near-exact match to be answered.
        boolean outOfScope = act && intent == Intent.OUT_OF_SCOPE;
        double answerBar = outOfScope ? Math.max(thresholds.answerThreshold(), NEAR_EXACT) : thresholds.answerThreshold();
        Optional<Candidate> topFaq = result.topFaq();
        double itemLexical = topItem.map(Candidate::lexical).orElse(0.0);
        double faqBar = outOfScope ? Math.max(thresholds.settings().lexicalAnswerThreshold(), NEAR_EXACT)
                : thresholds.settings().lexicalAnswerThreshold();
        if (topFaq.isPresent() && topFaq.get().score() >= faqBar && topFaq.get().score() > itemLexical
                && (topFaq.get().itemId() == null || !ambiguous(result, thresholds, topFaq.get().itemId()))) {
            Candidate faq = topFaq.get();
            ServiceItem item = faq.itemId() == null ? null : kb.item(faq.itemId()).orElse(null);
            Faq f = kb.faq(faq.faqId()).orElseThrow();
            Element element = f.topic() != null ? f.topic() : asked;
            return new Decision(Action.ANSWER, faq.itemId(), element, faq.faqId(), List.of(), faq.score(), composer.faq(f, item),
                    false, false, null);
        }

        // 6. An item: answer if clear, offer a menu if close to others or only suggested. A family the
        //    words name alike and meaning does not tell apart ("公积金提取") is a menu of its members.
        List<String> ties = ties(result, thresholds);
        if (itemScore >= thresholds.suggestThreshold() && ties.size() > 1) {
            List<ServiceItem> optionItems = ties.stream().map(id -> kb.item(id).orElseThrow()).toList();
            return new Decision(Action.CLARIFY, null, asked, null, ties, itemScore, composer.menu(optionItems), true, false, null);
        }
        if (itemScore >= answerBar && !ambiguous(result, thresholds, topItem.get().itemId())) {
            return answerItem(kb, topItem.get().itemId(), asked, itemScore);
        }
        if (itemScore >= thresholds.suggestThreshold() && !(outOfScope && itemScore < thresholds.answerThreshold())) {
            List<String> options = new ArrayList<>();
            for (Candidate c : result.items()) {
                if (c.score() >= thresholds.suggestThreshold() && c.score() >= itemScore - 0.25 && options.size() < thresholds.settings().menuSize()) {
                    options.add(c.itemId());
                }
            }
            List<ServiceItem> optionItems = options.stream().map(id -> kb.item(id).orElseThrow()).toList();
            String text = options.size() == 1 ? composer.confirm(optionItems.get(0)) : composer.menu(optionItems);
            return new Decision(Action.CLARIFY, null, asked, null, options, itemScore, text, true, false, null);
        }

        // 7. Nothing fits.
        String text = outOfScope || result.topScore() < thresholds.suggestThreshold() / 2 ? composer.outOfScope() : composer.notUnderstood();
        return new Decision(Action.UNKNOWN, null, null, null, List.of(), Math.max(itemScore, result.topScore()), text,
                !outOfScope, false, null);
    }

    /** With words that ask about the whole situation, a life event answers at this evidence or above. */
    static final double EVENT_EVIDENCE = 0.5;
    /** ... of which its own score alone when the question finds none of its steps' items. */
    static final double EVENT_ALONE = 0.6;
    /** ... and more than the first item's score less this. */
    static final double EVENT_ITEM_MARGIN = 0.15;
    /** Without them, only a near-exact wording of an event (this score or above) is answered with it. */
    static final double EVENT_NEAR_EXACT = 0.9;
    /** Evidence an event gains per step whose item is among the question's candidates (up to three). */
    static final double EVENT_STEP_EVIDENCE = 0.15;
    /** Candidate items looked at for an event's steps. */
    private static final int EVENT_STEP_CANDIDATES = 6;

    /**
     * A life event (一件事), when the question is about the whole situation rather than one item:
     * <ul>
     *   <li>it asks so ({@link WholeSituation}: "要办哪些手续", "整套下来") and an event's evidence —
     *       its own score plus {@value #EVENT_STEP_EVIDENCE} per step whose item the question also
     *       finds — reaches {@value #EVENT_EVIDENCE} ({@value #EVENT_ALONE} when it finds none) and the
     *       first item's score less {@value #EVENT_ITEM_MARGIN} (a question about one of the steps finds
     *       that step more surely);</li>
     *   <li>or, without such words, the question is almost exactly one of an event of several steps'
     *       wordings ({@value #EVENT_NEAR_EXACT}), asks no element (materials, fee, place…), and no
     *       item is found more surely.</li>
     * </ul>
     * The answer lists the steps; its options are the steps' items, so a number shows that step.
     */
    private Optional<Decision> lifeEvent(Analysis analysis, SearchResult result, AnswerModel thresholds, KnowledgeSnapshot kb) {
        boolean whole = WholeSituation.asked(analysis.text());
        double itemScore = result.topItem().map(Candidate::score).orElse(0.0);
        Intent intent = analysis.intent();
        boolean elementAsked = intent.isElement() && intent != Intent.OVERVIEW && analysis.intentProbability() >= ACT_PROBABILITY;
        List<String> found = result.items().stream().limit(EVENT_STEP_CANDIDATES)
                .filter(c -> c.score() >= thresholds.suggestThreshold()).map(Candidate::itemId).toList();
        LifeEvent best = null;
        double bestEvidence = 0;
        double bestScore = 0;
        long bestSteps = 0;
        Map<String, Double> scores = new LinkedHashMap<>();
        result.events().forEach(c -> scores.put(c.itemId(), c.score()));
        found.forEach(id -> kb.eventsUsing(id).forEach(e -> scores.putIfAbsent(e.id(), 0.0)));
        for (Map.Entry<String, Double> c : scores.entrySet()) {
            Optional<LifeEvent> event = kb.event(c.getKey());
            if (event.isEmpty()) {
                continue;
            }
            long steps = event.get().itemIds().stream().filter(found::contains).count();
            double evidence = c.getValue() + EVENT_STEP_EVIDENCE * Math.min(3, steps);
            if (evidence > bestEvidence) {
                best = event.get();
                bestEvidence = evidence;
                bestScore = c.getValue();
                bestSteps = steps;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        boolean answer = whole
                ? bestEvidence >= EVENT_EVIDENCE && (bestSteps > 0 || bestScore >= EVENT_ALONE) && bestEvidence > itemScore - EVENT_ITEM_MARGIN
                : bestScore >= EVENT_NEAR_EXACT && best.steps().size() > 1 && !elementAsked && itemScore < bestScore
                        && !analysis.text().endsWith("呢"); // "买房呢" after an element asked continues it
        if (!answer) {
            return Optional.empty();
        }
        List<ServiceItem> items = best.itemIds().stream().map(id -> kb.item(id).orElseThrow()).toList();
        return Optional.of(new Decision(Action.ANSWER, items.get(0).id(), Element.OVERVIEW, null, best.itemIds(),
                Math.min(1, bestEvidence), LifeEventReply.of(best, items) + composer.notice(), false, false, null, best.id()));
    }

    /** An answer worded as asked, and the elements it answers. */
    private record AsAsked(Decision decision, List<Element> elements) {
    }

    /**
     * An item answer worded as the question asked it: every element asked, in order; and for a
     * question about one circumstance ("没有户口本能办吗", "外地人能办吗"), the guide's lines about it first
     * — the materials when it is about doing without one of them.
     */
    private AsAsked asAsked(Decision d, Analysis analysis, ServiceItem item) {
        List<Element> elements = askedElements(analysis, d.element());
        String text = d.text();
        if (elements.size() > 1 || (elements.size() == 1 && elements.get(0) != d.element())) {
            text = composer.elements(item, elements);
        }
        if (elements.contains(Element.CONDITIONS) || elements.contains(Element.MATERIALS)) {
            GuideExcerpts.Found excerpts = GuideExcerpts.find(analysis, item);
            if (excerpts.circumstanceAsked()) {
                if (excerpts.withoutAMaterial() && elements.equals(List.of(Element.CONDITIONS))) {
                    elements = List.of(Element.MATERIALS);
                    text = composer.element(item, Element.MATERIALS);
                }
                text = composer.aboutCircumstance(item, text, excerpts);
            }
        }
        if (text.equals(d.text())) {
            return new AsAsked(d, elements);
        }
        return new AsAsked(new Decision(d.action(), d.itemId(), elements.get(0), null, d.options(), d.confidence(), text, d.unsure(),
                d.keepItem(), null), elements);
    }

    /** The elements to answer for a message (see {@link ElementCues#toAnswer}). */
    private static List<Element> askedElements(Analysis analysis, Element decided) {
        return ElementCues.toAnswer(analysis.question(), decided);
    }

    /**
     * An option named in words ("租房的那个"): the one option the words match, clearly better than
     * the other options.
     */
    private OptionalInt chosenByWords(Analysis analysis, SearchResult result, List<String> options, AnswerModel thresholds) {
        if (analysis.topicTerms().isEmpty()) {
            return OptionalInt.empty();
        }
        List<Candidate> matching = result.items().stream().filter(c -> options.contains(c.itemId())).toList();
        if (matching.isEmpty() || matching.get(0).score() < thresholds.suggestThreshold() / 2
                || (matching.size() > 1 && matching.get(0).score() - matching.get(1).score() < thresholds.settings().ambiguityMargin())) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(options.indexOf(matching.get(0).itemId()) + 1);
    }

    /**
     * A lone morpheme among the topic words (HanLP tags ng, vg, ag…: a character that is not a word
     * on its own, such as 犬 in 犬/正在): a piece of a misspelt word.
     */
    private static boolean fragmented(Analysis analysis) {
        return analysis.tokens().stream().anyMatch(t -> t.topic() && t.text().length() == 1 && t.nature() != null
                && t.nature().length() == 2 && t.nature().endsWith("g"));
    }

    /** Whether an item's own name or aliases hold a place name (a provincial catalogue names its province in many items). */
    private static boolean namesPlace(KnowledgeSnapshot kb, String itemId, String place) {
        return itemId != null && kb.item(itemId).map(i -> i.name().contains(place) || i.aliases().stream().anyMatch(a -> a.contains(place)))
                .orElse(false);
    }

    /** Whether the question's knowledge-base words are words of this item (its name, aliases, keywords). */
    private static boolean topicOf(KnowledgeSnapshot kb, String itemId, Analysis analysis) {
        Optional<ServiceItem> item = kb.item(itemId);
        if (item.isEmpty()) {
            return false;
        }
        List<String> wordings = new ArrayList<>();
        wordings.add(item.get().name());
        wordings.addAll(item.get().aliases());
        wordings.addAll(item.get().keywords());
        return analysis.tokens().stream().filter(t -> t.topic() && t.fromKnowledgeBase())
                .anyMatch(t -> wordings.stream().anyMatch(w -> w.contains(t.text()) || w.contains(t.term())));
    }

    /** Lexical scores and cosines closer than these do not tell two members of a family apart. */
    private static final double LEXICAL_TIE = 0.1;
    private static final double SEMANTIC_TIE = 0.1;

    /**
     * The items the question's words match about as well as the first (the first at least at the
     * lexical answer threshold: the question names the family) whose meaning is about as close too: the members of a
     * family the question names without saying which ("公积金提取"). Empty unless there are two.
     */
    private static List<String> ties(SearchResult result, AnswerModel thresholds) {
        List<Candidate> items = result.items();
        if (items.size() < 2 || items.get(0).lexical() < thresholds.settings().lexicalAnswerThreshold()) {
            return List.of();
        }
        Candidate first = items.get(0);
        List<String> ties = items.stream()
                .filter(c -> Math.abs(c.lexical() - first.lexical()) < LEXICAL_TIE
                        && Math.abs(c.semantic() - first.semantic()) < SEMANTIC_TIE)
                .limit(thresholds.settings().menuSize()).map(Candidate::itemId).toList();
        return ties.size() > 1 ? ties : List.of();
    }

    private static boolean ambiguous(SearchResult result, AnswerModel thresholds, String itemId) {
        List<Candidate> items = result.items();
        if (items.size() < 2) {
            return false;
        }
        Candidate first = items.get(0).itemId().equals(itemId) ? items.get(0) : null;
        if (first == null) {
            return false;
        }
        Candidate second = items.get(1);
        return second.score() >= thresholds.suggestThreshold() && first.score() - second.score() < thresholds.settings().ambiguityMargin();
    }

    private Decision answerItem(KnowledgeSnapshot kb, String itemId, Element element, double confidence) {
        ServiceItem item = kb.item(itemId).orElseThrow(() -> new IllegalStateException("Unknown item " + itemId));
        return new Decision(Action.ANSWER, itemId, element, null, List.of(), confidence, composer.element(item, element),
                false, false, null);
    }
}
