package org.askonce.wechat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.askonce.privacy.PersonalDataPurge;
import org.askonce.privacy.PrivacySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention of what the WeChat channel keeps of a citizen, as for their conversations
 * ({@code askonce.privacy.retention}): which account an openid last wrote to, once they have not written
 * for that long (no push can reach them after 48 hours anyway), and customer-service messages that
 * were settled that long ago. Messages still being sent are kept.
 */
@Component
class WechatPurge implements PersonalDataPurge {

    private final JdbcClient jdbc;
    private final PrivacySettings settings;

    WechatPurge(JdbcClient jdbc, PrivacySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    @Transactional
    public Map<String, Integer> purge(Instant now) {
        Timestamp before = Timestamp.from(now.minus(settings.retention()));
        Map<String, Integer> done = new LinkedHashMap<>();
        done.put("wechat followers", jdbc.sql("DELETE FROM wechat_follower WHERE last_seen < ?").param(before).update());
        done.put("wechat messages", jdbc.sql("DELETE FROM wechat_outbox WHERE state <> 'PENDING' AND created_at < ?")
                .param(before).update());
        return done;
    }
}
