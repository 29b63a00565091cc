package org.askonce.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.askonce.knowledge.Element;
import org.askonce.privacy.PersonalData;
import org.askonce.privacy.PrivacySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations and turns in the database (H2 or PostgreSQL). What citizens typed is stored masked
 * ({@link PersonalData}); the clear text of a masked message is kept beside it (table
 * {@code turn_clear_text}) only while a person may need it: while the conversation could still be
 * handed over (until its last message plus the session timeout), while a person has it, and for
 * {@code askonce.privacy.clear-text-retention} after. Only {@link #transcript} reads it.
 */
@Repository
class JdbcConversationStore implements ConversationStore {

    private static final String TURN_COLUMNS =
            "t.id, t.conversation_id, t.created_at, t.question, t.action, t.reply, t.replied_by, t.agent, t.delivery, t.delivery_detail, t.rating, t.item_id";

    private final JdbcClient jdbc;
    private final Duration sessionTimeout;
    private final Duration clearTextRetention;

    JdbcConversationStore(JdbcClient jdbc, DialogueSettings dialogue, PrivacySettings privacy) {
        this.jdbc = jdbc;
        this.sessionTimeout = dialogue.sessionTimeout();
        this.clearTextRetention = privacy.clearTextRetention();
    }

    @Override
    public Optional<Conversation> current(Channel channel, String userId, Instant now, Duration timeout) {
        return jdbc.sql("""
                        SELECT * FROM conversation WHERE channel = ? AND user_id = ? AND (last_active_at >= ? OR state <> 'BOT')
                        ORDER BY last_active_at DESC""")
                .params(channel.name(), userId, Timestamp.from(now.minus(timeout)))
                .query(JdbcConversationStore::conversation)
                .list().stream().findFirst(); // the latest, should two first messages have raced
    }

    @Override
    public Optional<Conversation> find(String conversationId) {
        return jdbc.sql("SELECT * FROM conversation WHERE id = ?").param(conversationId)
                .query(JdbcConversationStore::conversation).optional();
    }

    @Override
    @Transactional
    public long save(Conversation c, Turn turn) {
        String options = c.pendingOptions().isEmpty() ? null : String.join(",", c.pendingOptions());
        int updated = jdbc.sql("""
                        UPDATE conversation SET last_active_at = ?, current_item_id = ?, current_element = ?,
                        pending_options = ?, unsure_count = ?, last_action = ?, dissatisfied = ? WHERE id = ?""")
                .params(Timestamp.from(c.lastActiveAt()), c.currentItemId(), name(c.currentElement()),
                        options, c.unsureCount(), name(c.lastAction()), c.dissatisfied(), c.id())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO conversation (id, channel, user_id, started_at, last_active_at, state, current_item_id,
                            current_element, pending_options, unsure_count, last_action, dissatisfied) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(c.id(), c.channel().name(), c.userId(), Timestamp.from(c.startedAt()), Timestamp.from(c.lastActiveAt()),
                            c.state().name(), c.currentItemId(), name(c.currentElement()), options, c.unsureCount(),
                            name(c.lastAction()), c.dissatisfied())
                    .update();
        }
        KeyHolder key = new GeneratedKeyHolder();
        String masked = PersonalData.mask(turn.question());
        jdbc.sql("""
                        INSERT INTO chat_turn (conversation_id, created_at, question, intent, action, item_id, element, faq_id,
                        confidence, reply, replied_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
                .params(turn.conversationId(), Timestamp.from(turn.at()), masked, turn.intent(), turn.action().name(),
                        turn.itemId(), name(turn.element()), turn.faqId(), turn.confidence(), blankToNull(turn.reply()),
                        blankToNull(turn.reply()) == null ? null : Sender.BOT.name())
                .update(key, "id");
        long turnId = key.getKey().longValue();
        // while the bot has the conversation, its clear text is kept as long as it may still go to a person
        Timestamp mayGoToPerson = c.state().withPerson() ? null : Timestamp.from(c.lastActiveAt().plus(sessionTimeout));
        if (turn.question() != null && !turn.question().equals(masked)) {
            jdbc.sql("INSERT INTO turn_clear_text (turn_id, conversation_id, question, expires_at) VALUES (?,?,?,?)")
                    .params(turnId, turn.conversationId(), turn.question(), mayGoToPerson).update();
        }
        if (mayGoToPerson != null) {
            jdbc.sql("UPDATE turn_clear_text SET expires_at = ? WHERE conversation_id = ? AND expires_at < ?")
                    .params(mayGoToPerson, c.id(), mayGoToPerson).update();
        }
        return turnId;
    }

    /**
     * Also keeps the conversation's clear text while a person has it (WAITING, WITH_AGENT) and, once
     * back with the bot, for the clear-text retention from now.
     */
    @Override
    @Transactional
    public boolean transition(String conversationId, Set<Conversation.State> from, Conversation.State to, Instant at) {
        String states = from.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
        boolean changed = jdbc.sql("UPDATE conversation SET state = ?, last_active_at = ? WHERE id = ? AND state IN (" + states + ")")
                .params(to.name(), Timestamp.from(at), conversationId).update() == 1;
        if (changed && to.withPerson()) {
            jdbc.sql("UPDATE turn_clear_text SET expires_at = NULL WHERE conversation_id = ?").param(conversationId).update();
        } else if (changed) {
            jdbc.sql("UPDATE turn_clear_text SET expires_at = ? WHERE conversation_id = ? AND expires_at IS NULL")
                    .params(Timestamp.from(at.plus(clearTextRetention)), conversationId).update();
        }
        return changed;
    }

    @Override
    public long appendReply(String conversationId, Instant at, Sender sender, Action action, String agent, String text,
                            String delivery) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO chat_turn (conversation_id, created_at, action, confidence, reply, replied_by, agent, delivery)
                        VALUES (?,?,?,?,?,?,?,?)""")
                .params(conversationId, Timestamp.from(at), action.name(), 1.0, text, sender.name(), agent, delivery)
                .update(key, "id");
        jdbc.sql("UPDATE conversation SET last_action = ? WHERE id = ?").params(action.name(), conversationId).update();
        return key.getKey().longValue();
    }

    @Override
    public void setDelivery(long turnId, String delivery, String detail) {
        jdbc.sql("UPDATE chat_turn SET delivery = ?, delivery_detail = ? WHERE id = ?")
                .params(delivery, detail == null || detail.length() <= 300 ? detail : detail.substring(0, 300), turnId).update();
    }

    @Override
    public List<Message> messages(String conversationId, long after, int limit) {
        List<Message> out = new ArrayList<>();
        jdbc.sql("SELECT " + TURN_COLUMNS + " FROM chat_turn t WHERE t.conversation_id = ? AND t.id >= ? ORDER BY t.id")
                .params(conversationId, after / 2)
                .query(rs -> {
                    addMessages(rs, after, out);
                });
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public List<Message> transcript(String conversationId, Instant now, int limit) {
        List<Message> out = new ArrayList<>();
        jdbc.sql("""
                        SELECT t.id, t.conversation_id, t.created_at, COALESCE(k.question, t.question) AS question, t.action, t.reply,
                        t.replied_by, t.agent, t.delivery, t.delivery_detail, t.rating, t.item_id FROM chat_turn t
                        LEFT JOIN turn_clear_text k ON k.turn_id = t.id AND (k.expires_at IS NULL OR k.expires_at > ?)
                        WHERE t.conversation_id = ? ORDER BY t.id""")
                .params(Timestamp.from(now), conversationId)
                .query(rs -> {
                    addMessages(rs, 0, out);
                });
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    @Override
    public List<Message> messagesOf(Channel channel, String userId, long after, int limit) {
        List<Message> out = new ArrayList<>();
        jdbc.sql("SELECT " + TURN_COLUMNS
                        + " FROM chat_turn t JOIN conversation c ON c.id = t.conversation_id"
                        + " WHERE c.channel = ? AND c.user_id = ? AND t.id >= ? ORDER BY t.id")
                .params(channel.name(), userId, after / 2)
                .query(rs -> {
                    addMessages(rs, after, out);
                });
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    private static void addMessages(ResultSet rs, long after, List<Message> out) throws SQLException {
        long turnId = rs.getLong("id");
        String conversationId = rs.getString("conversation_id");
        Instant at = rs.getTimestamp("created_at").toInstant();
        Action action = Action.valueOf(rs.getString("action"));
        String question = rs.getString("question");
        if (question != null && Message.citizenId(turnId) > after) {
            out.add(new Message(Message.citizenId(turnId), conversationId, Sender.CITIZEN, question, at, null, null, null, turnId, action));
        }
        String reply = rs.getString("reply");
        if (reply != null && Message.replyId(turnId) > after) {
            String by = rs.getString("replied_by");
            int rated = rs.getInt("rating");
            Integer rating = rs.wasNull() ? null : rated;
            Sender sender = by == null ? Sender.BOT : Sender.valueOf(by);
            out.add(new Message(Message.replyId(turnId), conversationId, sender, reply, at, rs.getString("agent"), rs.getString("delivery"),
                    rs.getString("delivery_detail"), turnId, action, rating, sender == Sender.BOT ? rs.getString("item_id") : null));
        }
    }

    @Override
    @Transactional
    public void rate(String conversationId, int rating, Action ratedAction) {
        jdbc.sql("UPDATE conversation SET rating = ? WHERE id = ?").params(rating, conversationId).update();
        jdbc.sql("""
                        UPDATE chat_turn SET rating = ? WHERE id = (SELECT MAX(id) FROM chat_turn WHERE conversation_id = ? AND action = ?)""")
                .params(rating, conversationId, ratedAction.name()).update();
    }

    @Override
    public Optional<Message> message(long messageId) {
        List<Message> out = new ArrayList<>();
        jdbc.sql("SELECT " + TURN_COLUMNS + " FROM chat_turn t WHERE t.id = ?").param(messageId / 2).query(rs -> {
            addMessages(rs, 0, out);
        });
        return out.stream().filter(m -> m.id() == messageId).findFirst();
    }

    @Override
    @Transactional
    public void rateTurn(String conversationId, long turnId, int rating) {
        jdbc.sql("UPDATE conversation SET rating = ? WHERE id = ?").params(rating, conversationId).update();
        jdbc.sql("UPDATE chat_turn SET rating = ? WHERE id = ? AND conversation_id = ?").params(rating, turnId, conversationId).update();
    }

    @Override
    public List<Turn> turns(String conversationId) {
        return jdbc.sql("SELECT * FROM chat_turn WHERE conversation_id = ? AND question IS NOT NULL ORDER BY id")
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
        String lastAction = rs.getString("last_action");
        int rated = rs.getInt("rating");
        Integer rating = rs.wasNull() ? null : rated;
        return new Conversation(rs.getString("id"), Channel.valueOf(rs.getString("channel")), rs.getString("user_id"),
                rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("last_active_at").toInstant(),
                Conversation.State.valueOf(rs.getString("state")), rs.getString("current_item_id"),
                element(rs.getString("current_element")),
                options == null ? List.of() : Arrays.asList(options.split(",")), rs.getInt("unsure_count"),
                lastAction == null ? null : Action.valueOf(lastAction), rs.getBoolean("dissatisfied"), rating);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Element element(String name) {
        return name == null ? null : Element.valueOf(name);
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
