package org.askonce.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.askonce.knowledge.Mappers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Customer-service messages (客服消息) and template messages (模板消息, {@link WechatTemplate}) to WeChat
 * users, stored before they are sent so that a WeChat outage loses nothing: {@link #enqueue} writes a PENDING row, the dispatcher sends it, retrying
 * with back-off, and records how it ended. Other modules push to a WeChat citizen through here.
 */
@Service
public class WechatOutbox {

    /** Where a message is: still to be sent, sent, or given up for a reason the sender must know. */
    public enum State { PENDING, SENT, OUTSIDE_WINDOW, QUOTA_EXCEEDED, FAILED }

    /**
     * One stored message and its delivery state. {@code content} is the text (of a template message:
     * the same in words); {@code template} is null for a customer-service text message.
     */
    public record Message(long id, String appId, String openId, String content, String reference, State state,
                          int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError,
                          WechatTemplate template) {

        /** Whether this is a template message (模板消息) rather than a customer-service text. */
        public boolean isTemplate() {
            return template != null;
        }
    }

    private static final ObjectMapper JSON = Mappers.json();

    private final JdbcClient jdbc;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    WechatOutbox(JdbcClient jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    WechatOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stores a text message for the user and returns its id; it is sent shortly, by whichever
     * instance gets to it first. {@code reference} ties it to what it answers (e.g. a conversation id).
     *
     * @throws IllegalArgumentException if app id, open id or content is blank
     */
    public long enqueue(String appId, String openId, String content, String reference) {
        return insert(appId, openId, content, null, reference);
    }

    /**
     * Stores a template message (模板消息) for the user and returns its id. {@code content} is the same
     * message in words, shown where the outbox is listed (and delivered by the simulator's demo account).
     *
     * @throws IllegalArgumentException if app id, open id or content is blank
     */
    long enqueueTemplate(String appId, String openId, WechatTemplate template, String content, String reference) {
        return insert(appId, openId, content, java.util.Objects.requireNonNull(template, "template"), reference);
    }

    private long insert(String appId, String openId, String content, WechatTemplate template, String reference) {
        if (appId == null || appId.isBlank() || openId == null || openId.isBlank()) {
            throw new IllegalArgumentException("appId and openId must not be blank, were '" + appId + "', '" + openId + "'");
        }
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("content must not be blank");
        }
        Timestamp now = Timestamp.from(clock.instant());
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO wechat_outbox (app_id, open_id, content, template_json, reference, state, attempts, created_at, next_attempt_at)
                        VALUES (?,?,?,?,?,'PENDING',0,?,?)""")
                .params(appId, openId, WechatText.sanitise(content), template == null ? null : write(template), reference, now, now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Message> find(long id) {
        return jdbc.sql("SELECT * FROM wechat_outbox WHERE id = ?").param(id).query(WechatOutbox::message).optional();
    }

    /** The user's messages, oldest first. */
    public List<Message> messagesTo(String appId, String openId) {
        return jdbc.sql("SELECT * FROM wechat_outbox WHERE app_id = ? AND open_id = ? ORDER BY id")
                .params(appId, openId).query(WechatOutbox::message).list();
    }

    /** The messages stored with this reference (the parts of one long message), in order. */
    List<Message> withReference(String reference) {
        return jdbc.sql("SELECT * FROM wechat_outbox WHERE reference = ? ORDER BY id").param(reference).query(WechatOutbox::message).list();
    }

    /**
     * Due PENDING messages not claimed by another instance right now, oldest first. A user's messages
     * go in the order they were stored: one waits while an earlier one to the same user is still
     * PENDING (being sent, or waiting to be retried), so the parts of a long message and an agent's
     * successive replies arrive in order, on one instance or several.
     */
    List<Message> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT * FROM wechat_outbox o WHERE state = 'PENDING' AND next_attempt_at <= ?
                        AND (locked_until IS NULL OR locked_until < ?)
                        AND NOT EXISTS (SELECT 1 FROM wechat_outbox e WHERE e.app_id = o.app_id AND e.open_id = o.open_id
                            AND e.state = 'PENDING' AND e.id < o.id)
                        ORDER BY id FETCH FIRST ? ROWS ONLY""")
                .params(Timestamp.from(now), Timestamp.from(now), limit)
                .query(WechatOutbox::message).list();
    }

    /** Takes the message for one send attempt; false when another instance took it first. */
    boolean claim(long id, Instant now, Instant until) {
        return jdbc.sql("""
                        UPDATE wechat_outbox SET locked_until = ?, attempts = attempts + 1
                        WHERE id = ? AND state = 'PENDING' AND (locked_until IS NULL OR locked_until < ?)""")
                .params(Timestamp.from(until), id, Timestamp.from(now)).update() == 1;
    }

    void sent(long id, Instant at) {
        jdbc.sql("UPDATE wechat_outbox SET state = 'SENT', sent_at = ?, locked_until = NULL, last_error = NULL WHERE id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void retryAt(long id, Instant next, String error) {
        jdbc.sql("UPDATE wechat_outbox SET next_attempt_at = ?, locked_until = NULL, last_error = ? WHERE id = ?")
                .params(Timestamp.from(next), truncate(error), id).update();
    }

    void givenUp(long id, State state, String error) {
        jdbc.sql("UPDATE wechat_outbox SET state = ?, locked_until = NULL, last_error = ? WHERE id = ?")
                .params(state.name(), truncate(error), id).update();
    }

    int forget(String appId, String openId) {
        return jdbc.sql("DELETE FROM wechat_outbox WHERE app_id = ? AND open_id = ?").params(appId, openId).update();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static Message message(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Message(rs.getLong("id"), rs.getString("app_id"), rs.getString("open_id"), rs.getString("content"),
                rs.getString("reference"), State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant(), rs.getString("last_error"),
                read(rs.getString("template_json")));
    }

    private static String write(WechatTemplate template) {
        try {
            return JSON.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a template message as JSON", e);
        }
    }

    private static WechatTemplate read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, WechatTemplate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored template message is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
