package org.askonce.handoff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.HandoffRequested;
import org.askonce.privacy.PersonalData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Hand-offs in the database. Every change of state is a conditional update: two agents cannot both
 * win. The question is stored masked (the transcript has it in clear while an agent needs it); the
 * contact phone is kept in clear until {@link HandoffPurge} masks it.
 */
@Repository
class HandoffStore {

    private static final TypeReference<List<HandoffRequested.Suggestion>> SUGGESTIONS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    HandoffStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Opens a hand-off for the conversation; empty when it already has an open one (two requests at
     * once, on one instance or two: the database's unique {@code open_conversation} lets one in).
     */
    OptionalLong open(HandoffRequested r, String question, List<HandoffRequested.Suggestion> candidates, boolean afterHours,
                      Instant answerDue) {
        var key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            INSERT INTO handoff (conversation_id, open_conversation, channel, user_id, reason, question, candidates, state,
                            created_at, after_hours, answer_due) VALUES (?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(r.conversationId(), r.conversationId(), r.channel().name(), r.userId(), r.reason().name(), PersonalData.mask(question),
                            write(candidates), Handoff.State.WAITING.name(), Timestamp.from(r.at()), afterHours,
                            answerDue == null ? null : Timestamp.from(answerDue))
                    .update(key, "id");
        } catch (DuplicateKeyException alreadyOpen) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(key.getKey().longValue());
    }

    /** The open hand-off of the conversation, else its latest. */
    Optional<Handoff> ofConversation(String conversationId) {
        return jdbc.sql("SELECT * FROM handoff WHERE conversation_id = ? ORDER BY id DESC").param(conversationId)
                .query(this::handoff).list().stream()
                .sorted((a, b) -> Boolean.compare(b.state().open(), a.state().open()))
                .findFirst();
    }

    List<Handoff> open() {
        return jdbc.sql("SELECT * FROM handoff WHERE state IN ('WAITING', 'WITH_AGENT') ORDER BY created_at, id")
                .query(this::handoff).list();
    }

    List<Handoff> recentlyClosed(int limit) {
        return jdbc.sql("SELECT * FROM handoff WHERE state NOT IN ('WAITING', 'WITH_AGENT') ORDER BY closed_at DESC, id DESC")
                .query(this::handoff).list().stream().limit(limit).toList();
    }

    boolean claim(long id, String agent, Instant at) {
        return jdbc.sql("UPDATE handoff SET state = 'WITH_AGENT', agent = ?, claimed_at = ? WHERE id = ? AND state = 'WAITING'")
                .params(agent, Timestamp.from(at), id).update() == 1;
    }

    boolean transfer(long id, String from, String to) {
        return jdbc.sql("UPDATE handoff SET agent = ? WHERE id = ? AND state = 'WITH_AGENT' AND agent = ?")
                .params(to, id, from).update() == 1;
    }

    boolean close(long id, List<Handoff.State> from, Handoff.State to, Instant at) {
        String states = String.join(",", from.stream().map(s -> "'" + s.name() + "'").toList());
        return jdbc.sql("UPDATE handoff SET state = ?, closed_at = ?, open_conversation = NULL WHERE id = ? AND state IN (" + states + ")")
                .params(to.name(), Timestamp.from(at), id).update() == 1;
    }

    /** What the citizen asks (stored masked) and the candidates for it, once the citizen says it after asking for a person. */
    void question(long id, String question, List<HandoffRequested.Suggestion> candidates) {
        jdbc.sql("UPDATE handoff SET question = ?, candidates = ? WHERE id = ?").params(PersonalData.mask(question), write(candidates), id).update();
    }

    void contactPhone(long id, String phone) {
        jdbc.sql("UPDATE handoff SET contact_phone = ? WHERE id = ?").params(phone, id).update();
    }

    void unreachable(String conversationId) {
        jdbc.sql("UPDATE handoff SET unreachable = TRUE WHERE id = (SELECT MAX(id) FROM handoff WHERE conversation_id = ?)")
                .param(conversationId).update();
    }

    void rate(String conversationId, int rating) {
        jdbc.sql("UPDATE handoff SET rating = ? WHERE id = (SELECT MAX(id) FROM handoff WHERE conversation_id = ? AND state = 'RESOLVED')")
                .params(rating, conversationId).update();
    }

    private Handoff handoff(ResultSet rs, int n) throws SQLException {
        int rated = rs.getInt("rating");
        Integer rating = rs.wasNull() ? null : rated;
        return new Handoff(rs.getLong("id"), rs.getString("conversation_id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("user_id"), HandoffRequested.Reason.valueOf(rs.getString("reason")), rs.getString("question"),
                read(rs.getString("candidates")), Handoff.State.valueOf(rs.getString("state")), rs.getString("agent"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("claimed_at")), instant(rs.getTimestamp("closed_at")),
                rs.getBoolean("after_hours"), instant(rs.getTimestamp("answer_due")), rs.getString("contact_phone"),
                rs.getBoolean("unreachable"), rating);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String write(List<HandoffRequested.Suggestion> candidates) {
        try {
            return json.writeValueAsString(candidates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<HandoffRequested.Suggestion> read(String text) {
        try {
            return json.readValue(text, SUGGESTIONS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
