package org.askonce.knowledge.editing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.Mappers;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The versions of life events in {@code kb_event_version}: reading them (a never-edited live event
 * counts as its version 1), numbering new ones and writing each change of state, and mapping a row to
 * an {@link EventVersion}. It keeps no rules: the {@link EventEditor} decides what may be written.
 */
final class EventVersionStore {

    private final JdbcClient jdbc;
    private final KnowledgeBase knowledgeBase;
    private final Clock clock;

    EventVersionStore(JdbcClient jdbc, KnowledgeBase knowledgeBase, Clock clock) {
        this.jdbc = jdbc;
        this.knowledgeBase = knowledgeBase;
        this.clock = clock;
    }

    /** Every version of the event, newest first (the live content counts as version 1 if it was never edited). */
    List<EventVersion> history(String eventId) {
        List<EventVersion> stored = jdbc.sql("SELECT * FROM kb_event_version WHERE event_id = ? ORDER BY version DESC").param(eventId)
                .query((rs, n) -> version(rs)).list();
        if (stored.isEmpty()) {
            return knowledgeBase.snapshot().event(eventId)
                    .map(e -> List.of(new EventVersion(eventId, 1, e, EventVersion.State.PUBLISHED, "导入", null, "初始内容", null, null, null)))
                    .orElse(List.of());
        }
        return stored;
    }

    Optional<EventVersion> version(String eventId, int version) {
        Optional<EventVersion> stored = jdbc.sql("SELECT * FROM kb_event_version WHERE event_id = ? AND version = ?").params(eventId, version)
                .query((rs, n) -> version(rs)).optional();
        if (stored.isEmpty() && version == 1) {
            return history(eventId).stream().filter(v -> v.version() == 1).findFirst();
        }
        return stored;
    }

    /**
     * The review queue's events: each whose latest draft is newer than what citizens get (or were last
     * given, for a retired event), not sent back, oldest waiting first.
     */
    List<EventEditor.Pending> pendingReview() {
        return jdbc.sql("""
                        SELECT v.*,
                          (SELECT MAX(p.version) FROM kb_event_version p WHERE p.event_id = v.event_id AND p.state = 'PUBLISHED') AS published_version,
                          (SELECT COUNT(*) FROM kb_event_version c WHERE c.event_id = v.event_id AND c.state = 'DRAFT'
                             AND c.version > COALESCE((SELECT MAX(p.version) FROM kb_event_version p
                                                      WHERE p.event_id = v.event_id AND p.state IN ('PUBLISHED', 'RETIRED')), 0)) AS waiting
                        FROM kb_event_version v
                        WHERE v.state = 'DRAFT' AND v.returned_at IS NULL
                          AND v.version = (SELECT MAX(d.version) FROM kb_event_version d WHERE d.event_id = v.event_id)
                          AND v.version > COALESCE((SELECT MAX(p.version) FROM kb_event_version p
                                                   WHERE p.event_id = v.event_id AND p.state IN ('PUBLISHED', 'RETIRED')), 0)
                        ORDER BY v.created_at, v.event_id""")
                .query((rs, n) -> new EventEditor.Pending(version(rs), (Integer) rs.getObject("published_version"), rs.getInt("waiting")))
                .list();
    }

    /** The ids of every event that has stored versions. */
    List<String> eventIds() {
        return jdbc.sql("SELECT DISTINCT event_id FROM kb_event_version").query(String.class).list();
    }

    /** The live content becomes version 1 the first time an event is edited, so history starts with what was there. */
    void ensureHistory(String eventId) {
        Integer count = jdbc.sql("SELECT COUNT(*) FROM kb_event_version WHERE event_id = ?").param(eventId).query(Integer.class).single();
        if (count == 0) {
            knowledgeBase.snapshot().event(eventId).ifPresent(live -> jdbc.sql(
                            "INSERT INTO kb_event_version (event_id, version, body, state, author, created_at, note) VALUES (?,1,?,'PUBLISHED','导入',?,?)")
                    .params(eventId, Mappers.toJson(live), Timestamp.from(clock.instant()), "编辑前的内容").update());
        }
    }

    int nextVersion(String eventId) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM kb_event_version WHERE event_id = ?").param(eventId)
                .query(Integer.class).single() + 1;
    }

    void insertDraft(LifeEvent event, int version, String author, Instant at, String note) {
        jdbc.sql("INSERT INTO kb_event_version (event_id, version, body, state, author, created_at, note) VALUES (?,?,?,'DRAFT',?,?,?)")
                .params(event.id(), version, Mappers.toJson(event), author, Timestamp.from(at), note).update();
    }

    /** The published version, if any, is superseded: at most one version of an event is answered. */
    void supersedePublished(String eventId) {
        jdbc.sql("UPDATE kb_event_version SET state = 'SUPERSEDED' WHERE event_id = ? AND state = 'PUBLISHED'").param(eventId).update();
    }

    void markPublished(String eventId, int version, String publisher, Instant at) {
        jdbc.sql("UPDATE kb_event_version SET state = 'PUBLISHED', published_by = ?, published_at = ? WHERE event_id = ? AND version = ?")
                .params(publisher, Timestamp.from(at), eventId, version).update();
    }

    /** A version written and published (or retired) in one go by {@code user}: a retirement or an import. */
    void insertPublished(String eventId, int version, LifeEvent event, EventVersion.State state, String user, Instant at, String note) {
        jdbc.sql("""
                        INSERT INTO kb_event_version (event_id, version, body, state, author, created_at, note, published_by, published_at)
                        VALUES (?,?,?,?,?,?,?,?,?)""")
                .params(eventId, version, Mappers.toJson(event), state.name(), user, Timestamp.from(at), note, user, Timestamp.from(at)).update();
    }

    void markReturned(String eventId, int version, String reviewer, Instant at, String comment) {
        jdbc.sql("UPDATE kb_event_version SET returned_by = ?, returned_at = ?, return_comment = ? WHERE event_id = ? AND version = ?")
                .params(reviewer, Timestamp.from(at), comment, eventId, version).update();
    }

    private static EventVersion version(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        Timestamp returnedAt = rs.getTimestamp("returned_at");
        return new EventVersion(rs.getString("event_id"), rs.getInt("version"), Mappers.fromJson(rs.getString("body"), LifeEvent.class),
                EventVersion.State.valueOf(rs.getString("state")), rs.getString("author"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("note"), rs.getString("published_by"), published == null ? null : published.toInstant(),
                returnedAt == null ? null : new ItemVersion.Returned(rs.getString("returned_by"), returnedAt.toInstant(),
                        rs.getString("return_comment")));
    }
}
