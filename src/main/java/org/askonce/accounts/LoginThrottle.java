package org.askonce.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Throttles logins, form and HTTP Basic alike: at most {@link LoginSettings#maxFailuresPerAccount()}
 * failures per username and {@link LoginSettings#maxFailuresPerAddress()} per client address within
 * {@link LoginSettings#window()}; past that an attempt is refused before its password is looked at,
 * until the window has passed or an admin {@linkplain #unlock unlocks} the account.
 * <p>
 * The failures are rows in the database, so that every instance sees them. An attempt is written
 * {@linkplain #begin before} the password is checked and counted with the others at once: guesses sent
 * in parallel cannot slip past the limit while their passwords are being checked. It stays as a
 * failure, or is deleted with the account's earlier failures when the login succeeds. Failures are
 * logged at WARN with the username and the address, never the password.
 */
@Service
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_USERNAME = 100;
    private static final int MAX_ADDRESS = 64;

    private final JdbcLoginFailures failures;
    private final LoginSettings settings;
    private final Clock clock;

    @Autowired
    LoginThrottle(JdbcLoginFailures failures, LoginSettings settings) {
        this(failures, settings, Clock.systemUTC());
    }

    LoginThrottle(JdbcLoginFailures failures, LoginSettings settings, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    /** A login attempt under way; {@code refusal} is set when it was refused without checking the password. */
    public record Attempt(long id, String username, String address, Refusal refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * Why an attempt was refused, as staff read it, and when to try again.
     *
     * @param account whether the account is locked (else the address)
     */
    public record Refusal(String message, Duration retryAfter, boolean account) {
    }

    /**
     * Registers an attempt before its password is checked; end it with {@link #succeeded},
     * {@link #failed} or {@link #abandoned}, unless it was refused.
     *
     * @param username as typed
     * @param address  the client's address
     */
    public Attempt begin(String username, String address) {
        String key = key(username);
        String from = address == null || address.isBlank() ? "unknown" : cut(address.strip(), MAX_ADDRESS);
        Instant now = clock.instant();
        Instant since = now.minus(settings.window());
        long id = failures.insert(key, from, now);
        if (failures.countUsername(key, since) > settings.maxFailuresPerAccount()) {
            failures.delete(id);
            Duration wait = until(failures.newestUsername(key, since, settings.maxFailuresPerAccount() - 1), now);
            log.warn("Login refused for user {} from {}: account locked after {} failures within {} (for {} more)",
                    printable(username), from, settings.maxFailuresPerAccount(), settings.window(), wait);
            return new Attempt(id, key, from, new Refusal("登录失败次数过多，账号已暂时锁定。请" + minutes(wait)
                    + "后再试，或请管理员在“用户管理”中解锁。", wait, true));
        }
        if (failures.countAddress(from, since) > settings.maxFailuresPerAddress()) {
            failures.delete(id);
            Duration wait = until(failures.newestAddress(from, since, settings.maxFailuresPerAddress() - 1), now);
            log.warn("Login refused for user {} from {}: address locked after {} failures within {} (for {} more)",
                    printable(username), from, settings.maxFailuresPerAddress(), settings.window(), wait);
            return new Attempt(id, key, from, new Refusal("这个网络地址登录失败次数过多，请" + minutes(wait) + "后再试。", wait, false));
        }
        return new Attempt(id, key, from, null);
    }

    /** The password was right: the attempt and the account's earlier failures are forgotten. */
    public void succeeded(Attempt attempt) {
        failures.deleteUsername(attempt.username());
    }

    /** The login failed (wrong password, unknown or disabled account): the attempt stays as a failure. */
    public void failed(Attempt attempt, String reason) {
        Instant now = clock.instant();
        Instant since = now.minus(settings.window());
        log.warn("Login failed for user {} from {}: {} ({} of {} failures allowed within {})", printable(attempt.username()),
                attempt.address(), reason, failures.countUsername(attempt.username(), since), settings.maxFailuresPerAccount(),
                settings.window());
        failures.deleteBefore(since);
    }

    /** The password could not be checked (an internal error): the attempt does not count. */
    public void abandoned(Attempt attempt) {
        failures.delete(attempt.id());
    }

    /**
     * Forgets an account's failures, so that it may log in again at once.
     *
     * @return whether it was locked
     */
    public boolean unlock(String username, String actingUsername) {
        boolean locked = isLocked(username);
        int forgotten = failures.deleteUsername(key(username));
        log.info("Login failures of {} cleared by {} ({} failures{})", printable(username), printable(actingUsername), forgotten,
                locked ? ", was locked" : "");
        return locked;
    }

    /** Whether logins to this account are refused now. */
    public boolean isLocked(String username) {
        return failures.countUsername(key(username), clock.instant().minus(settings.window())) >= settings.maxFailuresPerAccount();
    }

    /** The usernames (lower case) whose logins are refused now. */
    public Set<String> lockedUsernames() {
        return new HashSet<>(failures.usernamesWithAtLeast(settings.maxFailuresPerAccount(), clock.instant().minus(settings.window())));
    }

    /** Usernames are compared ignoring case (an account's name is unique ignoring case) and cut to the column. */
    static String key(String username) {
        return username == null ? "" : cut(username.strip().toLowerCase(Locale.ROOT), MAX_USERNAME);
    }

    /** When the failure that keeps the lock leaves the window (at least a second from now). */
    private Duration until(Optional<Instant> keeping, Instant now) {
        Duration wait = keeping.map(at -> Duration.between(now, at.plus(settings.window()))).orElse(Duration.ofSeconds(1));
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait.withNanos(0);
    }

    private static String minutes(Duration wait) {
        long minutes = (wait.toSeconds() + 59) / 60;
        return " " + Math.max(1, minutes) + " 分钟";
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** As typed, for the log: control characters (a forged log line) replaced, cut to the column. */
    private static String printable(String username) {
        return username == null ? "" : cut(username.replaceAll("\\p{Cntrl}", "?"), MAX_USERNAME);
    }
}
