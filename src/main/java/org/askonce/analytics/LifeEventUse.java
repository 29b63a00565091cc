package org.askonce.analytics;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askonce.analytics.AnalyticsReport.EventUse;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.QuestionAnswered;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How citizens use life events (一件事), recorded from the dialogue's {@link QuestionAnswered} events in
 * analytics' own table: each event answer, and each later answer in the same conversation (within
 * {@link #FOLLOW_UP}) about one of that event's steps, which shows the list led somewhere. Counting
 * never stands in the way of the reply: a failed write is logged and dropped.
 */
@Component
class LifeEventUse {

    private static final Logger log = LoggerFactory.getLogger(LifeEventUse.class);
    /** How long after an event's answer a question about one of its steps counts as following it. */
    static final Duration FOLLOW_UP = Duration.ofHours(2);

    private final JdbcClient jdbc;
    private final KnowledgeBase knowledgeBase;

    LifeEventUse(JdbcClient jdbc, KnowledgeBase knowledgeBase) {
        this.jdbc = jdbc;
        this.knowledgeBase = knowledgeBase;
    }

    @EventListener
    void on(QuestionAnswered e) {
        if (e.action() != Action.ANSWER) {
            return;
        }
        try {
            if (e.eventId() != null) {
                jdbc.sql("INSERT INTO analytics_event_use (event_id, conversation_id, channel, answered_at) VALUES (?,?,?,?)")
                        .params(e.eventId(), e.conversationId(), e.channel().name(), Timestamp.from(e.at())).update();
            } else if (e.itemId() != null) {
                followed(e);
            }
        } catch (RuntimeException failure) {
            log.warn("conversation {}: life-event use not counted: {}", e.conversationId(), failure.toString());
        }
    }

    /** An answer about an item: a step of the event this conversation was last answered with, lately? */
    private void followed(QuestionAnswered e) {
        jdbc.sql("""
                        SELECT id, event_id FROM analytics_event_use WHERE conversation_id = ? AND answered_at >= ? AND answered_at <= ?
                        ORDER BY answered_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
                .params(e.conversationId(), Timestamp.from(e.at().minus(FOLLOW_UP)), Timestamp.from(e.at()))
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("event_id")))
                .optional()
                .filter(use -> knowledgeBase.snapshot().event(use.getValue()).map(event -> event.uses(e.itemId())).orElse(false))
                .ifPresent(use -> jdbc.sql("UPDATE analytics_event_use SET step_questions = step_questions + 1 WHERE id = ?")
                        .param(use.getKey()).update());
    }

    /**
     * Every published life event with its use between {@code start} and {@code end} (events no longer
     * published but used then as well), most used first, then by name.
     */
    List<EventUse> between(Timestamp start, Timestamp end) {
        Map<String, int[]> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT event_id, COUNT(*) answers, COUNT(DISTINCT conversation_id) conversations,
                               SUM(CASE WHEN step_questions > 0 THEN 1 ELSE 0 END) followed, SUM(step_questions) steps
                        FROM analytics_event_use WHERE answered_at >= ? AND answered_at < ? GROUP BY event_id""")
                .params(start, end)
                .query(rs -> {
                    counts.put(rs.getString("event_id"), new int[] {rs.getInt("answers"), rs.getInt("conversations"),
                            rs.getInt("followed"), rs.getInt("steps")});
                });
        KnowledgeSnapshot kb = knowledgeBase.snapshot();
        Map<String, String> names = new LinkedHashMap<>();
        kb.events().forEach(event -> names.put(event.id(), event.name()));
        counts.keySet().forEach(id -> names.putIfAbsent(id, kb.event(id).map(LifeEvent::name).orElse(id + "（已下线）")));
        List<EventUse> out = new ArrayList<>();
        names.forEach((id, name) -> {
            int[] c = counts.getOrDefault(id, new int[4]);
            out.add(new EventUse(id, name, c[0], c[1], c[2], c[3]));
        });
        out.sort(Comparator.comparingInt(EventUse::answers).reversed().thenComparing(EventUse::name));
        return out;
    }
}
