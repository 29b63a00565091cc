package org.askonce.wechat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which account each citizen (openid) last wrote to, so that a push hours later (an agent's
 * answer) goes through that account. Written at most every {@link #REFRESH} per citizen: the
 * callback's hot path stays free of a database write.
 */
@Component
class WechatFollowers {

    static final Duration REFRESH = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Map<String, Long> written = new ConcurrentHashMap<>();

    WechatFollowers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void seen(String appId, String openId) {
        String key = appId + "/" + openId;
        long now = System.nanoTime();
        Long last = written.get(key);
        if (last != null && now - last < REFRESH.toNanos()) {
            return;
        }
        if (written.size() > 100_000) {
            written.clear();
        }
        written.put(key, now);
        Timestamp at = Timestamp.from(Instant.now());
        if (jdbc.sql("UPDATE wechat_follower SET last_seen = ? WHERE open_id = ? AND app_id = ?").params(at, openId, appId).update() == 0) {
            try {
                jdbc.sql("INSERT INTO wechat_follower (open_id, app_id, last_seen) VALUES (?,?,?)").params(openId, appId, at).update();
            } catch (DuplicateKeyException raced) {
                // another instance wrote it first
            }
        }
    }

    /** The account the citizen last wrote to. */
    Optional<String> accountOf(String openId) {
        return jdbc.sql("SELECT app_id FROM wechat_follower WHERE open_id = ? ORDER BY last_seen DESC").param(openId)
                .query(String.class).list().stream().findFirst();
    }

    void forget(String appId, String openId) {
        written.remove(appId + "/" + openId);
        jdbc.sql("DELETE FROM wechat_follower WHERE open_id = ? AND app_id = ?").params(openId, appId).update();
    }
}
