package org.askonce.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.security.login.*}: how many failed logins (form or HTTP Basic) are allowed within
 * {@code window} per account and per client address before further attempts are refused with 429
 * until the window has passed (or an admin unlocks the account). The address limit is higher: many
 * staff may share one office address.
 *
 * @param maxFailuresPerAccount failures allowed per username within the window (10)
 * @param maxFailuresPerAddress failures allowed per client address within the window, any usernames (100)
 * @param window                how far back failures count (15 minutes)
 */
@ConfigurationProperties("askonce.security.login")
public record LoginSettings(
        @DefaultValue("10") int maxFailuresPerAccount,
        @DefaultValue("100") int maxFailuresPerAddress,
        @DefaultValue("15m") Duration window) {

    public LoginSettings {
        if (maxFailuresPerAccount < 1) {
            throw new IllegalArgumentException("askonce.security.login.max-failures-per-account must be >= 1, was " + maxFailuresPerAccount);
        }
        if (maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("askonce.security.login.max-failures-per-address must be >= 1, was " + maxFailuresPerAddress);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("askonce.security.login.window must be positive, was " + window);
        }
    }
}
