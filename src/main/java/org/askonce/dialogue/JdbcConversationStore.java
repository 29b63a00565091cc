package org.askonce.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.askonce.knowledge.Element;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Conversations and turns in the database (H2 or PostgreSQL). */
@Repository
class JdbcConversationStore implements ConversationStore {

    private final JdbcClient jdbc;

    JdbcConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Conversation> current(Channel channel, String userId, Instant now, Duration timeout) {
        return jdbc.sql("""
                        SELECT * FROM conversation WHERE channel = ? AND user_id = ? AND last_active_at >= ?
                        ORDER BY last_active_at DESC""")
                .params(channel.name(), userId, Timestamp.from(now.minus(timeout)))
                .query(JdbcConversationStore::conversation)
                .list().stream().findFirst(); // the latest, should two first messages have raced
    }

    @Override
    @Transactional
    public void save(Conversation c, Turn turn) {
        String options = c.pendingOptions().isEmpty() ? null : String.join(",", c.pendingOptions());
        int updated = jdbc.sql("""
                        UPDATE conversation SET last_active_at = ?, state = ?, current_item_id = ?, current_element = ?,
                        pending_options = ?, unsure_count = ? WHERE id = ?""")
                .params(Timestamp.from(c.lastActiveAt()), c.state().name(), c.currentItemId(), name(c.currentElement()),
                        options, c.unsureCount(), c.id())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO conversation (id, channel, user_id, started_at, last_active_at, state, current_item_id,
                            current_element, pending_options, unsure_count) VALUES (?,?,?,?,?,?,?,?,?,?)""")
                    .params(c.id(), c.channel().name(), c.userId(), Timestamp.from(c.startedAt()), Timestamp.from(c.lastActiveAt()),
                            c.state().name(), c.currentItemId(), name(c.currentElement()), options, c.unsureCount())
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO chat_turn (conversation_id, created_at, question, intent, action, item_id, element, faq_id,
                        confidence, reply) VALUES (?,?,?,?,?,?,?,?,?,?)""")
                .params(turn.conversationId(), Timestamp.from(turn.at()), turn.question(), turn.intent(), turn.action().name(),
                        turn.itemId(), name(turn.element()), turn.faqId(), turn.confidence(), turn.reply())
                .update();
    }

    @Override
    public List<Turn> turns(String conversationId) {
        return jdbc.sql("SELECT * FROM chat_turn WHERE conversation_id = ? ORDER BY id")
                .param(conversationId)
                .query((rs, n) -> new Turn(rs.getString("conversation_id"), rs.getTimestamp("created_at").toInstant(),
                        rs.getString("question"), rs.getString("intent"), Action.valueOf(rs.getString("action")),
                        rs.getString("item_id"), element(rs.getString("element")), rs.getString("faq_id"),
                        rs.getDouble("confidence"), rs.getString("reply")))
                .list();
    }

    @Override
    @Transactional
    public int forget(Channel channel, String userId) {
        jdbc.sql("DELETE FROM chat_turn WHERE conversation_id IN (SELECT id FROM conversation WHERE channel = ? AND user_id = ?)")
                .params(channel.name(), userId).update();
        return jdbc.sql("DELETE FROM conversation WHERE channel = ? AND user_id = ?").params(channel.name(), userId).update();
    }

    private static Conversation conversation(ResultSet rs, int n) throws SQLException {
        String options = rs.getString("pending_options");
        return new Conversation(rs.getString("id"), Channel.valueOf(rs.getString("channel")), rs.getString("user_id"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_active_at").toInstant(),
                Conversation.State.valueOf(rs.getString("state")), rs.getString("current_item_id"),
                element(rs.getString("current_element")),
                options == null ? List.of() : Arrays.asList(options.split(",")), rs.getInt("unsure_count"));
    }

    private static String name(Element element) {
        return element == null ? null : element.name();
    }

    private static Element element(String name) {
        return name == null ? null : Element.valueOf(name);
    }
}
