package org.askonce.handoff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccount;
import org.askonce.accounts.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which agents are online: enabled staff with the role AGENT or ADMIN who made a request to the
 * console or the agent API within {@code askonce.handoff.online-within} (default 2 minutes; an open
 * console asks the server at least every 30 seconds). Kept in the database ({@code agent_presence}),
 * so every instance knows every agent; each instance writes an agent's time at most every
 * {@link #WRITE_EVERY} (the in-memory map only spares writes, it decides nothing).
 */
@Component
class AgentPresence {

    static final Duration WRITE_EVERY = Duration.ofSeconds(20);

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final HandoffSettings settings;
    private final Clock clock;
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    @Autowired
    AgentPresence(JdbcClient jdbc, UserAccounts accounts, HandoffSettings settings) {
        this(jdbc, accounts, settings, Clock.systemUTC());
    }

    AgentPresence(JdbcClient jdbc, UserAccounts accounts, HandoffSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.settings = settings;
        this.clock = clock;
    }

    /** The staff member is at work now. */
    void seen(String username) {
        Instant now = clock.instant();
        Instant last = written.get(username);
        if (last != null && last.plus(WRITE_EVERY).isAfter(now)) {
            return;
        }
        written.put(username, now);
        Timestamp at = Timestamp.from(now);
        if (jdbc.sql("UPDATE agent_presence SET last_seen = ? WHERE username = ?").params(at, username).update() == 0) {
            try {
                jdbc.sql("INSERT INTO agent_presence (username, last_seen) VALUES (?, ?)").params(username, at).update();
            } catch (DuplicateKeyException insertedMeanwhile) {
                jdbc.sql("UPDATE agent_presence SET last_seen = ? WHERE username = ?").params(at, username).update();
            }
        }
    }

    /** The agents online now (enabled, AGENT or ADMIN, seen recently), by display name. */
    List<UserAccount> online() {
        Set<String> recent = jdbc.sql("SELECT username FROM agent_presence WHERE last_seen >= ?")
                .param(Timestamp.from(clock.instant().minus(settings.onlineWithin())))
                .query(String.class).list().stream().collect(Collectors.toSet());
        return accounts.list().stream()
                .filter(u -> recent.contains(u.username()) && mayTakeConversations(u))
                .sorted((a, b) -> a.displayName().compareTo(b.displayName()))
                .toList();
    }

    /** Whether the staff member is online and may take a conversation. */
    boolean online(String username) {
        return online().stream().anyMatch(u -> u.username().equals(username));
    }

    /** The online window as staff read it ("2分钟"). */
    String onlineWithinLabel() {
        long minutes = settings.onlineWithin().toMinutes();
        return minutes >= 1 ? minutes + "分钟" : settings.onlineWithin().toSeconds() + "秒";
    }

    static boolean mayTakeConversations(UserAccount u) {
        return u.enabled() && (u.role() == Role.AGENT || u.role() == Role.ADMIN);
    }
}
