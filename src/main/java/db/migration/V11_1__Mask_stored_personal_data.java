package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.askonce.privacy.PersonalData;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Masks what was stored before V11 with the application's masker ({@link PersonalData}; SQL cannot
 * do it portably): citizens' messages ({@code chat_turn.question}), hand-off questions and the
 * questions of agents' knowledge proposals. Nothing else changes: a message only loses the hidden
 * digits of its numbers. The clear text of messages in conversations a person has now (WAITING,
 * WITH_AGENT) is kept in {@code turn_clear_text} for the agent, as for new messages. (Contact phones
 * of ended hand-offs are masked by the nightly purge once their retention is over.) Rows are read a
 * page at a time.
 */
public class V11_1__Mask_stored_personal_data extends BaseJavaMigration {

    private static final int PAGE = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        maskTurns(db);
        maskColumns(db, "handoff", "SELECT id, question FROM handoff WHERE id > ? ORDER BY id LIMIT ?", "question");
        maskColumns(db, "kb_faq_draft",
                "SELECT id, question, similar_questions FROM kb_faq_draft WHERE id > ? ORDER BY id LIMIT ?", "question", "similar_questions");
    }

    private static void maskTurns(Connection db) throws SQLException {
        try (PreparedStatement page = db.prepareStatement("""
                SELECT t.id, t.conversation_id, t.question, c.state FROM chat_turn t JOIN conversation c ON c.id = t.conversation_id
                WHERE t.id > ? AND t.question IS NOT NULL ORDER BY t.id LIMIT ?""");
             PreparedStatement update = db.prepareStatement("UPDATE chat_turn SET question = ? WHERE id = ?");
             PreparedStatement keep = db.prepareStatement(
                     "INSERT INTO turn_clear_text (turn_id, conversation_id, question, expires_at) VALUES (?, ?, ?, NULL)")) {
            long after = 0;
            int read;
            do {
                read = 0;
                page.setLong(1, after);
                page.setInt(2, PAGE);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        after = rs.getLong("id");
                        String question = rs.getString("question");
                        String masked = PersonalData.mask(question);
                        if (masked.equals(question)) {
                            continue;
                        }
                        update.setString(1, masked);
                        update.setLong(2, after);
                        update.addBatch();
                        if (!"BOT".equals(rs.getString("state"))) { // an agent has or will have it: keep the clear text
                            keep.setLong(1, after);
                            keep.setString(2, rs.getString("conversation_id"));
                            keep.setString(3, question);
                            keep.addBatch();
                        }
                    }
                }
                update.executeBatch();
                keep.executeBatch();
            } while (read == PAGE);
        }
    }

    private static void maskColumns(Connection db, String table, String select, String... columns) throws SQLException {
        String set = String.join(" = ?, ", columns) + " = ?";
        try (PreparedStatement page = db.prepareStatement(select);
             PreparedStatement update = db.prepareStatement("UPDATE " + table + " SET " + set + " WHERE id = ?")) {
            long after = 0;
            int read;
            do {
                read = 0;
                page.setLong(1, after);
                page.setInt(2, PAGE);
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        read++;
                        after = rs.getLong("id");
                        boolean changed = false;
                        for (int i = 0; i < columns.length; i++) {
                            String value = rs.getString(columns[i]);
                            String masked = PersonalData.mask(value);
                            changed |= masked != null && !masked.equals(value);
                            update.setString(i + 1, masked);
                        }
                        if (changed) {
                            update.setLong(columns.length + 1, after);
                            update.addBatch();
                        }
                    }
                }
                update.executeBatch();
            } while (read == PAGE);
        }
    }
}
