package org.askonce.webchat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Which identity holds which web userId (table {@code web_citizen}); shared by every instance. */
final class CitizenBindings {

    private final JdbcTemplate jdbc;

    CitizenBindings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> holderOf(String userId) {
        List<String> found = jdbc.queryForList("SELECT identity FROM web_citizen WHERE user_id = ?", String.class, userId);
        return found.stream().findFirst();
    }

    /** The userId the identity took last, if any. */
    Optional<String> userOf(String identity) {
        List<String> found = jdbc.queryForList("SELECT user_id FROM web_citizen WHERE identity = ? ORDER BY bound_at DESC, user_id",
                String.class, identity);
        return found.stream().findFirst();
    }

    /** Binds the userId to the identity unless another holds it; true when the identity holds it now. */
    boolean bind(String userId, String identity, Instant at) {
        try {
            jdbc.update("INSERT INTO web_citizen (user_id, identity, bound_at) VALUES (?, ?, ?)", userId, identity, Timestamp.from(at));
            return true;
        } catch (DuplicateKeyException taken) {
            return holderOf(userId).map(identity::equals).orElse(false);
        }
    }

    void unbind(String userId) {
        jdbc.update("DELETE FROM web_citizen WHERE user_id = ?", userId);
    }
}
