package org.askonce.knowledge.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgePublished;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What every editor of the knowledge base (items, life events, the lexicon, imports) writes down when
 * it changes something: an entry in the audit log ({@code kb_audit_log}: who, when, what, which
 * version), and, when the change is published, the publication step — the publication counter the
 * other instances poll, and this instance's reload once the transaction commits (which rebuilds the
 * pipeline and the index in the background, {@link KnowledgePublished}).
 */
@Component
public class ChangeLog {

    /** The lexicon's entries in the audit log are under this item id. */
    public static final String LEXICON = "lexicon";
    /** Longer details are cut to this many characters. */
    static final int MAX_DETAIL = 1000;

    /** An entry of the audit log. */
    public record Entry(long id, Instant at, String username, String action, String itemId, Integer version, String detail) {

        /** The action as editors read it (草稿修改, 发布…); an unknown code as it is. */
        public String actionLabel() {
            return switch (action) {
                case "DRAFT" -> "草稿修改";
                case "DISCARD" -> "放弃草稿";
                case "PUBLISH" -> "发布";
                case "ROLLBACK" -> "回滚";
                case "IMPORT" -> "导入";
                case "RETURN" -> "退回修改";
                case "RETIRE" -> "停用";
                default -> action;
            };
        }
    }

    private final JdbcClient jdbc;
    private final KnowledgeBase knowledgeBase;
    private final Clock clock;

    @Autowired
    public ChangeLog(JdbcClient jdbc, KnowledgeBase knowledgeBase) {
        this(jdbc, knowledgeBase, Clock.systemUTC());
    }

    public ChangeLog(JdbcClient jdbc, KnowledgeBase knowledgeBase, Clock clock) {
        this.jdbc = jdbc;
        this.knowledgeBase = knowledgeBase;
        this.clock = clock;
    }

    /** Writes an entry of the audit log; {@code itemId} and {@code version} may be null (an import as a whole). */
    public void record(String username, String action, String itemId, Integer version, String detail) {
        jdbc.sql("INSERT INTO kb_audit_log (at, username, action, item_id, version, detail) VALUES (?,?,?,?,?,?)")
                .params(Timestamp.from(clock.instant()), username, action, itemId, version,
                        detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL)).update();
    }

    /** Counts a publication at {@code now} and reloads this instance once the transaction commits. */
    public void countPublication(Instant now) {
        jdbc.sql("UPDATE kb_publication SET counter = counter + 1, published_at = ? WHERE id = 1").param(Timestamp.from(now)).update();
        knowledgeBase.reloadAfterCommit();
    }

    /** The audit log, newest first; for one item (or {@link #LEXICON}, or an event's id) when {@code itemId} is given. */
    public List<Entry> entries(String itemId, int limit) {
        String where = itemId == null ? "" : " WHERE item_id = ?";
        var spec = jdbc.sql("SELECT * FROM kb_audit_log" + where + " ORDER BY id DESC");
        if (itemId != null) {
            spec = spec.param(itemId);
        }
        return spec.query((rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"),
                        rs.getString("action"), rs.getString("item_id"), (Integer) rs.getObject("version"), rs.getString("detail")))
                .list().stream().limit(limit).toList();
    }
}
