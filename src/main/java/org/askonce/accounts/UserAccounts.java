package org.askonce.accounts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff accounts: agents, admins, knowledge editors and reviewers. Passwords are kept only as bcrypt hashes
 * and must satisfy the {@link PasswordPolicy} when set; bad input is refused with an
 * {@link IllegalArgumentException} whose Chinese message names it.
 */
@Service
public class UserAccounts {

    private static final Logger log = LoggerFactory.getLogger(UserAccounts.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,40}");

    private final JdbcUserStore store;
    private final PasswordEncoder encoder;

    UserAccounts(JdbcUserStore store, PasswordEncoder encoder) {
        this.store = store;
        this.encoder = encoder;
    }

    /**
     * Creates an enabled account.
     *
     * @throws UsernameTakenException   if the username is in use (compared ignoring case)
     * @throws IllegalArgumentException if a value is not acceptable; the message names it
     */
    @Transactional
    public UserAccount create(String username, String displayName, Role role, String password) {
        checkUsername(username);
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("请填写姓名");
        }
        if (name.length() > 100) {
            throw new IllegalArgumentException("姓名最长 100 个字，现为 " + name.length() + " 个字");
        }
        if (role == null) {
            throw new IllegalArgumentException("请选择角色");
        }
        PasswordPolicy.check(username, password);
        if (store.existsIgnoringCase(username)) {
            throw new UsernameTakenException(username);
        }
        try {
            store.insert(username, name, role, encoder.encode(password), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        } catch (DuplicateKeyException e) { // created by someone else a moment ago
            throw new UsernameTakenException(username);
        }
        log.info("Created {} account {}", role, username);
        return find(username).orElseThrow();
    }

    /** Every account, oldest first. */
    public List<UserAccount> list() {
        return store.all();
    }

    /** The enabled accounts that may publish knowledge ({@link Role#mayPublish()}), oldest first. */
    public List<UserAccount> publishers() {
        return store.all().stream().filter(a -> a.enabled() && a.role().mayPublish()).toList();
    }

    public Optional<UserAccount> find(String username) {
        return username == null ? Optional.empty() : store.find(username).map(JdbcUserStore.Stored::account);
    }

    /** Whether there is any account at all (the first admin is created only when there is none). */
    public boolean isEmpty() {
        return store.count() == 0;
    }

    /**
     * Disables an account: it can no longer log in.
     *
     * @param actingUsername who does it; nobody can disable themself
     * @throws UnknownUserException     if there is no such account
     * @throws IllegalArgumentException for oneself or the last enabled admin
     */
    @Transactional
    public UserAccount disable(String username, String actingUsername) {
        UserAccount account = require(username);
        if (username.equals(actingUsername)) {
            throw new IllegalArgumentException("不能停用自己的账号");
        }
        if (account.enabled() && account.role() == Role.ADMIN && store.enabledAdmins() <= 1) {
            throw new IllegalArgumentException("“" + username + "”是最后一个启用的管理员，不能停用");
        }
        store.setEnabled(username, false);
        log.info("Account {} disabled by {}", username, actingUsername);
        return require(username);
    }

    /**
     * @throws UnknownUserException if there is no such account
     */
    @Transactional
    public UserAccount enable(String username) {
        require(username);
        store.setEnabled(username, true);
        log.info("Account {} enabled", username);
        return require(username);
    }

    /**
     * Sets a new password.
     *
     * @throws UnknownUserException     if there is no such account
     * @throws IllegalArgumentException if the password is not acceptable
     */
    @Transactional
    public void resetPassword(String username, String newPassword) {
        require(username);
        PasswordPolicy.check(username, newPassword);
        store.setPasswordHash(username, encoder.encode(newPassword));
        log.info("Password of account {} reset", username);
    }

    private UserAccount require(String username) {
        return find(username).orElseThrow(() -> new UnknownUserException(username));
    }

    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("用户名“" + (username == null ? "" : username)
                    + "”不可用：需 3–40 个字符，只能包含英文字母、数字、下划线、点和减号");
        }
    }
}
