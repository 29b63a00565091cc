package org.askonce.handoff;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.askonce.dialogue.ConversationEvents.CitizenWroteToAgent;
import org.askonce.dialogue.ConversationEvents.ConversationRated;
import org.askonce.dialogue.ConversationEvents.HandoffCancelled;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.DeliveryEvents.PushSettled;
import org.askonce.dialogue.HandoffRequested;
import org.askonce.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the {@link HandoffQueue} in step with what happens in conversations: opens a hand-off when
 * one is requested (with the question and the candidates worth an agent's look), notes what the
 * citizen writes to the agent (a phone number, the question after a bare "转人工"), cancels,
 * records ratings and settles deliveries. Every change is published as a
 * {@link HandoffQueue.QueueChanged} for the consoles.
 */
@Component
class ConversationListener {

    private static final Logger log = LoggerFactory.getLogger(ConversationListener.class);

    private final HandoffStore store;
    private final Conversations conversations;
    private final AgentCalendar calendar;
    private final ApplicationEventPublisher events;
    private final KnowledgeLookup knowledge;

    ConversationListener(HandoffStore store, Conversations conversations, AgentCalendar calendar, ApplicationEventPublisher events,
                         KnowledgeLookup knowledge) {
        this.store = store;
        this.conversations = conversations;
        this.calendar = calendar;
        this.events = events;
        this.knowledge = knowledge;
    }

    @EventListener
    void on(HandoffRequested r) {
        Optional<ZonedDateTime> opening = calendar.nextOpening(r.at());
        String asked = AskedQuestion.of(conversations.messages(r.conversationId(), 0), r.reason());
        OptionalLong opened = store.open(r, asked, candidatesFor(r, asked), opening.isPresent(),
                opening.map(ZonedDateTime::toInstant).orElse(null));
        if (opened.isEmpty()) {
            // a second request of the same moment ("转人工" and "人工" at once): the first one's hand-off stands
            log.info("conversation {} already has an open hand-off; not opening another ({})", r.conversationId(), r.reason());
            store.ofConversation(r.conversationId()).filter(h -> h.state().open())
                    .ifPresent(h -> phoneIn(r.question()).ifPresent(p -> store.contactPhone(h.id(), p)));
            return;
        }
        long id = opened.getAsLong();
        phoneIn(r.question()).ifPresent(p -> store.contactPhone(id, p));
        log.info("hand-off {} opened for conversation {} ({}, {}){}", id, r.conversationId(), r.channel(), r.reason(),
                opening.map(o -> ", after hours until " + o).orElse(""));
        changed(r.conversationId(), "opened");
    }

    @EventListener
    void on(CitizenWroteToAgent w) {
        store.ofConversation(w.conversationId()).filter(h -> h.state().open()).ifPresent(h -> {
            phoneIn(w.text()).ifPresent(p -> store.contactPhone(h.id(), p));
            if (h.question().isBlank() && AskedQuestion.isQuestion(w.text()) && !AskedQuestion.requestOnly(w.text())) {
                // asked for a person first, says what about now: that is the question the queue shows
                String asked = PersonalData.mask(w.text().strip());
                store.question(h.id(), asked.length() > AskedQuestion.MAX_CHARS ? asked.substring(0, AskedQuestion.MAX_CHARS) : asked,
                        lookUp(asked));
            }
        });
        changed(w.conversationId(), "citizen");
    }

    /**
     * The bot's candidates worth an agent's look: for a bare request for a person ("转人工") those the
     * bot found for that request mean nothing, so they are looked up for the citizen's latest
     * question instead; either way only those at or above the suggest threshold.
     */
    private List<HandoffRequested.Suggestion> candidatesFor(HandoffRequested r, String asked) {
        boolean requestOnly = r.reason() == HandoffRequested.Reason.CITIZEN_ASKED && AskedQuestion.requestOnly(r.question());
        if (!requestOnly) {
            try {
                return knowledge.meaningful(r.candidates());
            } catch (RuntimeException e) {
                log.warn("conversation {}: could not weigh the bot's candidates", r.conversationId(), e);
                return List.of();
            }
        }
        return lookUp(AskedQuestion.latest(asked));
    }

    private List<HandoffRequested.Suggestion> lookUp(String question) {
        try {
            return knowledge.candidates(question);
        } catch (RuntimeException e) {
            // the queue goes without candidates rather than without the hand-off
            log.warn("could not look up candidates for a hand-off", e);
            return List.of();
        }
    }

    @EventListener
    void on(HandoffCancelled c) {
        store.ofConversation(c.conversationId()).filter(h -> h.state() == Handoff.State.WAITING)
                .ifPresent(h -> store.close(h.id(), List.of(Handoff.State.WAITING), Handoff.State.CANCELLED, c.at()));
        changed(c.conversationId(), "cancelled");
    }

    @EventListener
    void on(ConversationRated r) {
        if (r.handoff()) {
            store.rate(r.conversationId(), r.rating());
        }
    }

    /** The message's delivery state and the hand-off's "unreachable" mark change together. */
    @EventListener
    @Transactional
    void on(PushSettled s) {
        conversations.setDelivery(s.turnId(), s.state(), s.detail());
        if (s.unreachable()) {
            store.unreachable(s.conversationId());
        }
        if (s.conversationId() != null && !"PENDING".equals(s.state())) {
            changed(s.conversationId(), "delivery"); // the agent's transcript shows 已送达 / 未送达 at once
        }
    }

    /** A mobile or landline number the citizen left, so that an agent can call when WeChat cannot reach them. */
    static Optional<String> phoneIn(String text) {
        return PersonalData.phoneIn(text);
    }

    private void changed(String conversationId, String what) {
        events.publishEvent(new HandoffQueue.QueueChanged(conversationId, what));
    }
}
