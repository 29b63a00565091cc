package org.askonce.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The parts of a long reply still to be given, per citizen, in the database so every instance sees them. */
@Repository
class Continuations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration KEEP = Duration.ofMinutes(30);

    private final JdbcClient jdbc;

    Continuations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps {@code rest} (may be empty: then any earlier rest is dropped) as what "更多" gives next. */
    @Transactional
    void keep(String appId, String openId, List<String> rest, Instant now) {
        jdbc.sql("DELETE FROM wechat_continuation WHERE app_id = ? AND open_id = ?").params(appId, openId).update();
        if (!rest.isEmpty()) {
            jdbc.sql("INSERT INTO wechat_continuation (app_id, open_id, parts, created_at) VALUES (?,?,?,?)")
                    .params(appId, openId, json(rest), Timestamp.from(now)).update();
        }
    }

    /** The next part, removed from what is kept; empty when nothing (recent) is left. */
    @Transactional
    Optional<String> next(String appId, String openId, Instant now) {
        List<String> parts = jdbc.sql("SELECT parts FROM wechat_continuation WHERE app_id = ? AND open_id = ? AND created_at >= ?")
                .params(appId, openId, Timestamp.from(now.minus(KEEP)))
                .query(String.class).list().stream().findFirst().map(Continuations::parts).orElse(List.of());
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        keep(appId, openId, parts.subList(1, parts.size()), now);
        return Optional.of(parts.get(0));
    }

    void forget(String appId, String openId) {
        jdbc.sql("DELETE FROM wechat_continuation WHERE app_id = ? AND open_id = ?").params(appId, openId).update();
    }

    private static String json(List<String> parts) {
        try {
            return JSON.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> parts(String json) {
        try {
            return new ArrayList<>(JSON.readValue(json, new TypeReference<List<String>>() { }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable continuation", e);
        }
    }
}
