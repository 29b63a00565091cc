package org.askonce.handoff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.askonce.privacy.PersonalData;
import org.askonce.privacy.PersonalDataPurge;
import org.askonce.privacy.PrivacySettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phone number a citizen left for a call back is kept in clear while their hand-off is open and
 * for {@code askonce.privacy.clear-text-retention} after it ended, then masked. (The hand-off itself
 * goes with its conversation.)
 */
@Component
class HandoffPurge implements PersonalDataPurge {

    private final JdbcClient jdbc;
    private final PrivacySettings settings;

    HandoffPurge(JdbcClient jdbc, PrivacySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    private record Phone(long id, String phone) {
    }

    @Override
    @Transactional
    public Map<String, Integer> purge(Instant now) {
        List<Phone> phones = jdbc.sql("""
                        SELECT id, contact_phone FROM handoff WHERE closed_at < ? AND contact_phone IS NOT NULL
                        AND contact_phone NOT LIKE '%*%'""")
                .param(Timestamp.from(now.minus(settings.clearTextRetention())))
                .query((rs, n) -> new Phone(rs.getLong("id"), rs.getString("contact_phone"))).list();
        int masked = 0;
        for (Phone p : phones) {
            String m = PersonalData.mask(p.phone());
            masked += jdbc.sql("UPDATE handoff SET contact_phone = ? WHERE id = ?")
                    .params(m.equals(p.phone()) ? "***" : m, p.id()).update();
        }
        return Map.of("contact phones masked", masked);
    }
}
