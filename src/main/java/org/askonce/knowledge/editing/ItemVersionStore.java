package org.askonce.knowledge.editing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.Mappers;
import org.askonce.knowledge.ServiceItem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The versions of items ({@code kb_item_version}): drafts, the published one, those superseded or sent
 * back, and the review queue's query. {@link KnowledgeEditor} decides what may change; this writes and
 * reads it.
 */
final class ItemVersionStore {

    private final JdbcClient jdbc;
    private final KnowledgeBase knowledgeBase;
    private final Clock clock;

    ItemVersionStore(JdbcClient jdbc, KnowledgeBase knowledgeBase, Clock clock) {
        this.jdbc = jdbc;
        this.knowledgeBase = knowledgeBase;
        this.clock = clock;
    }

    void insertDraft(ServiceItem item, int version, String author, Instant now, String note) {
        jdbc.sql("INSERT INTO kb_item_version (item_id, version, body, state, author, created_at, note) VALUES (?,?,?,'DRAFT',?,?,?)")
                .params(item.id(), version, Mappers.toJson(item), author, Timestamp.from(now), note).update();
    }

    /** The version becomes the published one; the one published before is superseded. */
    void markPublished(String itemId, int version, String publisher, Instant now) {
        jdbc.sql("UPDATE kb_item_version SET state = 'SUPERSEDED' WHERE item_id = ? AND state = 'PUBLISHED'").param(itemId).update();
        jdbc.sql("UPDATE kb_item_version SET state = 'PUBLISHED', published_by = ?, published_at = ? WHERE item_id = ? AND version = ?")
                .params(publisher, Timestamp.from(now), itemId, version).update();
    }

    /** A new version published at once (an import): the one published before is superseded. */
    void insertPublished(ServiceItem item, int version, String user, Instant now, String note) {
        jdbc.sql("UPDATE kb_item_version SET state = 'SUPERSEDED' WHERE item_id = ? AND state = 'PUBLISHED'").param(item.id()).update();
        jdbc.sql("""
                        INSERT INTO kb_item_version (item_id, version, body, state, author, created_at, note, published_by, published_at)
                        VALUES (?,?,?,'PUBLISHED',?,?,?,?,?)""")
                .params(item.id(), version, Mappers.toJson(item), user, Timestamp.from(now), note, user, Timestamp.from(now)).update();
    }

    void markReturned(String itemId, int version, String reviewer, Instant now, String comment) {
        jdbc.sql("UPDATE kb_item_version SET returned_by = ?, returned_at = ?, return_comment = ? WHERE item_id = ? AND version = ?")
                .params(reviewer, Timestamp.from(now), comment, itemId, version).update();
    }

    /** Drafts sent back that are still the item's latest version (the editor has not saved a new one yet), newest first. */
    List<ItemVersion> returnedDrafts() {
        return jdbc.sql("""
                        SELECT v.* FROM kb_item_version v
                        WHERE v.returned_at IS NOT NULL AND v.state = 'DRAFT'
                          AND v.version = (SELECT MAX(d.version) FROM kb_item_version d WHERE d.item_id = v.item_id)
                        ORDER BY v.returned_at DESC, v.item_id""")
                .query((rs, n) -> version(rs)).list();
    }

    /**
     * The review queue: every item whose latest draft is newer than its published version (or that
     * was never published), with that draft, oldest waiting first.
     */
    List<PendingDraft> pendingReview() {
        return jdbc.sql("""
                        SELECT v.*,
                          (SELECT MAX(p.version) FROM kb_item_version p WHERE p.item_id = v.item_id AND p.state = 'PUBLISHED') AS published_version,
                          (SELECT COUNT(*) FROM kb_item_version c WHERE c.item_id = v.item_id AND c.state = 'DRAFT'
                             AND c.version > COALESCE((SELECT MAX(p.version) FROM kb_item_version p WHERE p.item_id = v.item_id AND p.state = 'PUBLISHED'), 0)) AS waiting
                        FROM kb_item_version v
                        WHERE v.state = 'DRAFT' AND v.returned_at IS NULL
                          AND v.version = (SELECT MAX(d.version) FROM kb_item_version d WHERE d.item_id = v.item_id AND d.state = 'DRAFT')
                          AND v.version > COALESCE((SELECT MAX(p.version) FROM kb_item_version p WHERE p.item_id = v.item_id AND p.state = 'PUBLISHED'), 0)
                        ORDER BY v.created_at, v.item_id""")
                .query((rs, n) -> new PendingDraft(version(rs), (Integer) rs.getObject("published_version"), rs.getInt("waiting")))
                .list();
    }

    /** Every version of the item, newest first (the live content counts as version 1 if it was never edited). */
    List<ItemVersion> history(String itemId) {
        List<ItemVersion> stored = jdbc.sql("SELECT * FROM kb_item_version WHERE item_id = ? ORDER BY version DESC").param(itemId)
                .query((rs, n) -> version(rs)).list();
        if (stored.isEmpty()) {
            return knowledgeBase.snapshot().item(itemId)
                    .map(item -> List.of(new ItemVersion(itemId, 1, item, ItemVersion.State.PUBLISHED, "导入", null, "初始内容", null, null)))
                    .orElse(List.of());
        }
        return stored;
    }

    Optional<ItemVersion> version(String itemId, int version) {
        Optional<ItemVersion> stored = jdbc.sql("SELECT * FROM kb_item_version WHERE item_id = ? AND version = ?").params(itemId, version)
                .query((rs, n) -> version(rs)).optional();
        if (stored.isEmpty() && version == 1) {
            return history(itemId).stream().filter(v -> v.version() == 1).findFirst();
        }
        return stored;
    }

    /** The live content becomes version 1 the first time an item is edited, so history starts with what was there. */
    void ensureHistory(String itemId) {
        Integer count = jdbc.sql("SELECT COUNT(*) FROM kb_item_version WHERE item_id = ?").param(itemId).query(Integer.class).single();
        if (count == 0) {
            knowledgeBase.snapshot().item(itemId).ifPresent(live -> jdbc.sql(
                            "INSERT INTO kb_item_version (item_id, version, body, state, author, created_at, note) VALUES (?,1,?,'PUBLISHED','导入',?,?)")
                    .params(itemId, Mappers.toJson(live), Timestamp.from(clock.instant()), "编辑前的内容").update());
        }
    }

    int nextVersion(String itemId) {
        Integer max = jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM kb_item_version WHERE item_id = ?").param(itemId).query(Integer.class).single();
        return max + 1;
    }

    private ItemVersion version(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        Timestamp returnedAt = rs.getTimestamp("returned_at");
        return new ItemVersion(rs.getString("item_id"), rs.getInt("version"), Mappers.fromJson(rs.getString("body"), ServiceItem.class),
                ItemVersion.State.valueOf(rs.getString("state")), rs.getString("author"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("note"), rs.getString("published_by"), published == null ? null : published.toInstant(),
                returnedAt == null ? null : new ItemVersion.Returned(rs.getString("returned_by"), returnedAt.toInstant(),
                        rs.getString("return_comment")));
    }
}
