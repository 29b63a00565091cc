package org.askonce.dialogue;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the stored conversations and turns add up to, for the modules that count and learn from them
 * (analytics, the learning loop): the conversation tables are this module's, and this is the only way
 * others read them. The database does the counting, grouped by the hour, so a year of traffic costs a
 * few thousand rows. Questions come back as stored: masked ({@link org.askonce.privacy.PersonalData}).
 * The SQL is plain enough for H2 and PostgreSQL.
 */
@Service
public class ConversationStatistics {

    /** Conversations started in the hour beginning at {@code hour}. */
    public record StartedInHour(Instant hour, int conversations) {
    }

    /** Citizens' messages that got {@code action} in the hour beginning at {@code hour}. */
    public record QuestionsInHour(Instant hour, Action action, int questions) {
    }

    /** How often a reply of {@code action} (an answer, or RESOLVED for a finished hand-off) was rated {@code rating} (1–3). */
    public record RatingCount(Action action, int rating, int count) {
    }

    /** Questions about one item that were questions for the bot ({@code actions}), and how many of them it answered. */
    public record ItemQuestions(String itemId, int questions, int answered) {
    }

    /** One wording asked {@code count} times with the same outcome, the last time at {@code lastAsked}. */
    public record Asked(String question, Action action, int count, Instant lastAsked) {
    }

    private final JdbcClient jdbc;
    /** The zone the database's timestamps (without time zone) are written in: this JVM's. */
    private final ZoneId storedZone = ZoneId.systemDefault();

    public ConversationStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Conversations started in [start, end), by the hour. */
    public List<StartedInHour> startedByHour(Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT CAST(started_at AS DATE) d, EXTRACT(HOUR FROM started_at) h, COUNT(*) n FROM conversation
                        WHERE started_at >= ? AND started_at < ? GROUP BY CAST(started_at AS DATE), EXTRACT(HOUR FROM started_at)""")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query((rs, i) -> new StartedInHour(hour(rs.getDate("d").toLocalDate(), rs.getInt("h")), rs.getInt("n")))
                .list();
    }

    /** Citizens' messages in [start, end) by the hour and what the bot did with them. */
    public List<QuestionsInHour> questionsByHour(Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT CAST(created_at AS DATE) d, EXTRACT(HOUR FROM created_at) h, action, COUNT(*) n FROM chat_turn
                        WHERE question IS NOT NULL AND created_at >= ? AND created_at < ?
                        GROUP BY CAST(created_at AS DATE), EXTRACT(HOUR FROM created_at), action""")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query((rs, i) -> new QuestionsInHour(hour(rs.getDate("d").toLocalDate(), rs.getInt("h")),
                        Action.valueOf(rs.getString("action")), rs.getInt("n")))
                .list();
    }

    /** Ratings given in [start, end), by what was rated. */
    public List<RatingCount> ratings(Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT action, rating, COUNT(*) n FROM chat_turn WHERE rating IS NOT NULL AND created_at >= ? AND created_at < ?
                        GROUP BY action, rating""")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query((rs, i) -> new RatingCount(Action.valueOf(rs.getString("action")), rs.getInt("rating"), rs.getInt("n")))
                .list();
    }

    /** Every item asked about in [start, end) by a message that got one of {@code actions}. */
    public List<ItemQuestions> itemQuestions(Instant start, Instant end, List<Action> actions) {
        if (actions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT item_id, COUNT(*) n, SUM(CASE WHEN action = 'ANSWER' THEN 1 ELSE 0 END) answered FROM chat_turn
                        WHERE question IS NOT NULL AND item_id IS NOT NULL AND action IN (%s) AND created_at >= ? AND created_at < ?
                        GROUP BY item_id""".formatted(inList(actions)))
                .params(Timestamp.from(start), Timestamp.from(end))
                .query((rs, i) -> new ItemQuestions(rs.getString("item_id"), rs.getInt("n"), rs.getInt("answered")))
                .list();
    }

    /**
     * Wordings asked in [start, end) that the bot did not answer for sure: one of {@code unanswered}
     * (it said it did not know, handed over, …), or one of {@code unsure} with a confidence under
     * {@code confidenceBelow}. One row per wording and outcome.
     */
    public List<Asked> notAnsweredForSure(Instant start, Instant end, List<Action> unanswered, List<Action> unsure, double confidenceBelow) {
        if (unanswered.isEmpty() && unsure.isEmpty()) {
            return List.of();
        }
        String which = unsure.isEmpty() ? "action IN (%s)".formatted(inList(unanswered))
                : unanswered.isEmpty() ? "action IN (%s) AND confidence < ?".formatted(inList(unsure))
                : "(action IN (%s) OR (action IN (%s) AND confidence < ?))".formatted(inList(unanswered), inList(unsure));
        List<Object> params = new java.util.ArrayList<>(List.of(Timestamp.from(start), Timestamp.from(end)));
        if (!unsure.isEmpty()) {
            params.add(confidenceBelow);
        }
        return jdbc.sql("""
                        SELECT question, action, COUNT(*) n, MAX(created_at) last_at FROM chat_turn
                        WHERE question IS NOT NULL AND created_at >= ? AND created_at < ? AND %s
                        GROUP BY question, action""".formatted(which))
                .params(params)
                .query((rs, i) -> new Asked(rs.getString("question"), Action.valueOf(rs.getString("action")),
                        rs.getInt("n"), rs.getTimestamp("last_at").toInstant()))
                .list();
    }

    /** The instant an hour as stored begins (the database's wall clock is this JVM's). */
    private Instant hour(java.time.LocalDate storedDate, int storedHour) {
        return storedDate.atTime(LocalTime.of(storedHour, 0)).atZone(storedZone).toInstant();
    }

    private static String inList(List<Action> actions) {
        return String.join(", ", actions.stream().map(a -> "'" + a.name() + "'").toList());
    }
}
