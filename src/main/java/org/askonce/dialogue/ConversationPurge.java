package org.askonce.dialogue;

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
 * The retention of conversations: the clear text of citizens' messages once it has expired, and
 * whole conversations (web and WeChat alike) whose last message is older than
 * {@code askonce.privacy.retention}, with their turns and hand-offs. A conversation a person has
 * (WAITING, WITH_AGENT) is kept whatever its age.
 */
@Component
class ConversationPurge implements PersonalDataPurge {

    private final JdbcClient jdbc;
    private final PrivacySettings settings;

    ConversationPurge(JdbcClient jdbc, PrivacySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    @Transactional
    public Map<String, Integer> purge(Instant now) {
        Map<String, Integer> done = new LinkedHashMap<>();
        done.put("clear texts", jdbc.sql("DELETE FROM turn_clear_text WHERE expires_at < ?").param(Timestamp.from(now)).update());
        Timestamp before = Timestamp.from(now.minus(settings.retention()));
        done.put("turns", jdbc.sql("""
                        DELETE FROM chat_turn WHERE conversation_id IN
                        (SELECT id FROM conversation WHERE last_active_at < ? AND state = 'BOT')""").param(before).update());
        // hand-offs go with their conversation (ON DELETE CASCADE)
        done.put("conversations", jdbc.sql("DELETE FROM conversation WHERE last_active_at < ? AND state = 'BOT'").param(before).update());
        return done;
    }
}
