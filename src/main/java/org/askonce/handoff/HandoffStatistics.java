package org.askonce.handoff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.askonce.dialogue.HandoffRequested;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The hand-offs of a period as the modules that count them (analytics) need them: the hand-off
 * table is this module's, and this is the only way others read it. Nothing personal comes back.
 */
@Service
public class HandoffStatistics {

    /** One hand-off asked for in the period: where it stands, why, whether out of hours, when it was asked for and taken. */
    public record Requested(Handoff.State state, HandoffRequested.Reason reason, boolean afterHours, Instant createdAt, Instant claimedAt) {
    }

    private final JdbcClient jdbc;

    public HandoffStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hand-offs asked for in [start, end), oldest first. */
    public List<Requested> requestedBetween(Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT state, reason, after_hours, created_at, claimed_at FROM handoff
                        WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id""")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query((rs, i) -> {
                    Timestamp claimed = rs.getTimestamp("claimed_at");
                    return new Requested(Handoff.State.valueOf(rs.getString("state")), HandoffRequested.Reason.valueOf(rs.getString("reason")),
                            rs.getBoolean("after_hours"), rs.getTimestamp("created_at").toInstant(), claimed == null ? null : claimed.toInstant());
                })
                .list();
    }
}
