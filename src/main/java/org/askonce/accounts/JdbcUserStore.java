package org.askonce.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table (H2 or PostgreSQL). */
@Repository
class JdbcUserStore {

    /** An account with its password hash, for logging in; never leaves this package. */
    record Stored(UserAccount account, String passwordHash) {
    }

    private final JdbcClient jdbc;

    JdbcUserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    /**
     * @throws DuplicateKeyException if the username is taken
     */
    void insert(String username, String displayName, Role role, String passwordHash, Instant createdAt) {
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, role, password_hash, enabled, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(username, displayName, role.name(), passwordHash, true, Timestamp.from(createdAt))
                .update();
    }

    boolean existsIgnoringCase(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(username) = LOWER(?)").param(username)
                .query(Long.class).single() > 0;
    }

    Optional<Stored> find(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?").param(username)
                .query((rs, n) -> new Stored(account(rs), rs.getString("password_hash"))).optional();
    }

    List<UserAccount> all() {
        return jdbc.sql("SELECT * FROM app_user ORDER BY id").query((rs, n) -> account(rs)).list();
    }

    long enabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = ? AND enabled = ?").params(Role.ADMIN.name(), true)
                .query(Long.class).single();
    }

    int setEnabled(String username, boolean enabled) {
        return jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update();
    }

    int setPasswordHash(String username, String passwordHash) {
        return jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(passwordHash, username).update();
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
