package org.askonce.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.askonce.dialogue.ConversationEvents.ConversationRated;
import org.askonce.dialogue.HandoffRequested;
import org.askonce.dialogue.QuestionAnswered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The dashboard's counters as Micrometer meters (Prometheus at {@code /actuator/prometheus}, for
 * admins): {@code askonce.questions} by action and channel, {@code askonce.handoffs} by reason,
 * {@code askonce.ratings} by rating (1 满意, 2 基本满意, 3 不满意) and by what was rated (answer or
 * handoff). They count since this instance started; the dashboard counts from the database.
 */
@Component
class AnalyticsMetrics {

    private final MeterRegistry registry;

    AnalyticsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(QuestionAnswered e) {
        Counter.builder("askonce.questions").description("Citizens' messages handled by the bot, by what the bot did")
                .tag("action", e.action().name()).tag("channel", e.channel().name())
                .register(registry).increment();
    }

    @EventListener
    void on(HandoffRequested e) {
        Counter.builder("askonce.handoffs").description("Conversations handed over to a person, by why")
                .tag("reason", e.reason().name())
                .register(registry).increment();
    }

    @EventListener
    void on(ConversationRated e) {
        Counter.builder("askonce.ratings").description("Ratings: 1 满意, 2 基本满意, 3 不满意")
                .tag("rating", String.valueOf(e.rating())).tag("rated", e.handoff() ? "handoff" : "answer")
                .register(registry).increment();
    }
}
