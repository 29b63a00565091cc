package org.askonce.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, with no account at all, creates the admin named by {@code askonce.admin.username} and
 * {@code askonce.admin.password}; without them it says how to set them. Never a default password.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String HOW = "set the environment variables ASKONCE_ADMIN_USERNAME and ASKONCE_ADMIN_PASSWORD "
            + "(password: at least 12 characters, not one character repeated, not containing the username, not a common password; or the properties askonce.admin.username and askonce.admin.password) and restart";

    private final UserAccounts accounts;
    private final AdminSettings settings;

    FirstAdmin(UserAccounts accounts, AdminSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        createIfNoAccount();
    }

    /** @return whether an admin was created */
    boolean createIfNoAccount() {
        if (!accounts.isEmpty()) {
            if (settings.username() != null || settings.password() != null) {
                log.info("Accounts exist: askonce.admin.username/password ignored (they only create the first admin)");
            }
            return false;
        }
        if (!settings.complete()) {
            log.warn("No staff account exists, so nobody can log in to /console or /admin: {}{}", HOW,
                    settings.partial() ? " (only " + (settings.username() == null ? "the password" : "the username") + " is set)" : "");
            return false;
        }
        try {
            accounts.create(settings.username(), settings.username(), Role.ADMIN, settings.password());
        } catch (UsernameTakenException e) { // another instance, starting at the same moment, was first
            log.info("First admin {} was created by another instance", settings.username());
            return false;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("askonce.admin (ASKONCE_ADMIN_USERNAME / ASKONCE_ADMIN_PASSWORD) cannot create the first admin: "
                    + e.getMessage(), e);
        }
        log.info("Created the first admin {} from askonce.admin.username/password", settings.username());
        return true;
    }
}
