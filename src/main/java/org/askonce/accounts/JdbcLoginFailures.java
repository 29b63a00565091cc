package org.askonce.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code login_failure} table (H2 or PostgreSQL); every statement commits on its own, so other instances see it at once. */
@Repository
class JdbcLoginFailures {

    private final JdbcClient jdbc;

    JdbcLoginFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the new row's id */
    long insert(String username, String address, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO login_failure (username, address, attempted_at) VALUES (?, ?, ?)")
                .params(username, address, Timestamp.from(at)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM login_failure WHERE id = ?").param(id).update();
    }

    int deleteUsername(String username) {
        return jdbc.sql("DELETE FROM login_failure WHERE username = ?").param(username).update();
    }

    void deleteBefore(Instant before) {
        jdbc.sql("DELETE FROM login_failure WHERE attempted_at < ?").param(Timestamp.from(before)).update();
    }

    long countUsername(String username, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE username = ? AND attempted_at > ?")
                .params(username, Timestamp.from(since)).query(Long.class).single();
    }

    long countAddress(String address, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE address = ? AND attempted_at > ?")
                .params(address, Timestamp.from(since)).query(Long.class).single();
    }

    /** The time of the {@code n}-th newest row of this username since then (0: the newest). */
    Optional<Instant> newestUsername(String username, Instant since, int n) {
        return jdbc.sql("SELECT attempted_at FROM login_failure WHERE username = ? AND attempted_at > ? ORDER BY attempted_at DESC LIMIT 1 OFFSET ?")
                .params(username, Timestamp.from(since), n).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The time of the {@code n}-th newest row of this address since then (0: the newest). */
    Optional<Instant> newestAddress(String address, Instant since, int n) {
        return jdbc.sql("SELECT attempted_at FROM login_failure WHERE address = ? AND attempted_at > ? ORDER BY attempted_at DESC LIMIT 1 OFFSET ?")
                .params(address, Timestamp.from(since), n).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** The usernames with at least this many rows since then. */
    List<String> usernamesWithAtLeast(long rows, Instant since) {
        return jdbc.sql("SELECT username FROM login_failure WHERE attempted_at > ? GROUP BY username HAVING COUNT(*) >= ?")
                .params(Timestamp.from(since), rows).query(String.class).list();
    }
}
