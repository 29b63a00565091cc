package org.askonce.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who read which citizen's conversation, when, in which view (table {@code staff_access_log}), for
 * admins to check. The consoles refresh themselves, so a staff member's reads of one conversation in
 * one view are one row per {@link #SAME_READ}. The log names staff and conversation ids only, no
 * citizen's words, and is not purged with the conversations.
 */
@Service
public class AccessLog {

    /** Reads of one conversation by one person in one view this close together are one read. */
    static final Duration SAME_READ = Duration.ofMinutes(10);
    static final int MAX_ROWS = 1000;

    /** The views that show a transcript. */
    public enum View {
        /** The agent console's conversation page. */
        AGENT_CONSOLE("坐席工作台 · 对话页"),
        /** {@code GET /api/agent/conversations/{id}}. */
        AGENT_API("坐席接口 · 对话记录");

        private final String label;

        View(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One read: when, by whom (username), which conversation, in which view. */
    public record Entry(long id, Instant at, String staff, String conversationId, View view) {

        public String viewLabel() {
            return view.label();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    @Autowired
    AccessLog(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code staff} read the transcript of the conversation in this view. */
    public void transcriptRead(String staff, String conversationId, View view) {
        if (staff == null || staff.isBlank() || conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("an access needs the staff member and the conversation, was " + staff + " / " + conversationId);
        }
        Instant now = clock.instant();
        boolean recent = jdbc.sql("""
                        SELECT COUNT(*) FROM staff_access_log WHERE staff = ? AND conversation_id = ? AND view_name = ? AND accessed_at > ?""")
                .params(staff, conversationId, view.name(), Timestamp.from(now.minus(SAME_READ)))
                .query(Long.class).single() > 0;
        if (!recent) {
            jdbc.sql("INSERT INTO staff_access_log (accessed_at, staff, conversation_id, view_name) VALUES (?,?,?,?)")
                    .params(Timestamp.from(now), staff, conversationId, view.name()).update();
        }
    }

    /**
     * The latest reads, newest first, at most {@code limit} (1–1000); only those of one staff member
     * and/or one conversation when given (blank: any).
     */
    public List<Entry> entries(String staff, String conversationId, int limit) {
        if (limit < 1 || limit > MAX_ROWS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_ROWS + ", was " + limit);
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM staff_access_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (staff != null && !staff.isBlank()) {
            sql.append(" AND staff = ?");
            params.add(staff.strip());
        }
        if (conversationId != null && !conversationId.isBlank()) {
            sql.append(" AND conversation_id = ?");
            params.add(conversationId.strip());
        }
        sql.append(" ORDER BY accessed_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("accessed_at").toInstant(), rs.getString("staff"),
                        rs.getString("conversation_id"), View.valueOf(rs.getString("view_name"))))
                .list();
    }
}
