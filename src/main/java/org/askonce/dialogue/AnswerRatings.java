package org.askonce.dialogue;

import java.time.Clock;
import java.time.Instant;
import org.askonce.dialogue.ConversationEvents.ConversationRated;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Citizens' ratings of answers and of finished hand-offs (1 满意, 2 基本满意, 3 不满意): the latest one,
 * typed or tapped, is a turn of the conversation (不满意 hands the next question to a person); an
 * earlier answer's rating is only recorded. Each publishes {@link ConversationRated}.
 */
final class AnswerRatings {

    private final ConversationStore store;
    private final ApplicationEventPublisher events;
    private final ReplyComposer composer;
    private final DialogueSettings settings;
    private final Clock clock;

    AnswerRatings(ConversationStore store, ApplicationEventPublisher events, ReplyComposer composer, DialogueSettings settings, Clock clock) {
        this.store = store;
        this.events = events;
        this.composer = composer;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Rates the latest answer or the hand-off that just finished (web chat buttons; in text, 1/2/3 or
     * 满意/基本满意/不满意 do the same).
     *
     * @throws IllegalArgumentException if the rating is not 1, 2 or 3
     * @throws IllegalStateException    if nothing can be rated now
     */
    Reply rateLatest(Channel channel, String userId, int rating) {
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
     * is rated as {@link #rateLatest} does (不满意 then hands the next question to a
     * person); an earlier one only records the rating.
     *
     * @throws IllegalArgumentException if the rating is not 1, 2 or 3
     * @throws DialogueEngine.NotTheirs                if there is no such message in this user's conversations on this channel
     * @throws IllegalStateException    if the message is not an answer
     */
    Reply rateMessage(Channel channel, String userId, long messageId, int rating) {
        if (rating < 1 || rating > 3) {
            throw new IllegalArgumentException("rating must be 1 (满意), 2 (基本满意) or 3 (不满意), was " + rating);
        }
        Message message = store.message(messageId).orElseThrow(DialogueEngine.NotTheirs::new);
        Conversation owner = store.find(message.conversationId())
                .filter(c -> c.channel() == channel && c.userId().equals(userId))
                .orElseThrow(DialogueEngine.NotTheirs::new);
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
        return Reply.said(owner.id(), Action.RATED, composer.ratedEarlier(rating), 1.0, messageId);
    }

    /** Messages that can be rated: the last thing said was an answer, or the end of a hand-off, and no menu is open. */
    boolean rateable(Conversation c) {
        return c.pendingOptions().isEmpty() && (c.lastAction() == Action.ANSWER || c.lastAction() == Action.RESOLVED);
    }

    /** Rates what the conversation said last, as the citizen's message {@code question}: the rating is a turn of its own. */
    Reply rate(Conversation conversation, int rating, String question, Instant now) {
        boolean handoff = conversation.lastAction() == Action.RESOLVED;
        store.rate(conversation.id(), rating, handoff ? Action.RESOLVED : Action.ANSWER);
        String reply = composer.rated(rating, handoff);
        Conversation next = conversation.after(now, Action.RATED).inState(Conversation.State.BOT)
                .withUnsure(conversation.unsureCount()).withDissatisfied(rating == 3 && !handoff);
        long turnId = store.save(next, new Turn(conversation.id(), now, question, null, Action.RATED, null, null, null, 1.0, reply));
        events.publishEvent(new ConversationRated(conversation.id(), rating, handoff, now));
        return Reply.said(conversation.id(), Action.RATED, reply, 1.0, Message.replyId(turnId));
    }
}
