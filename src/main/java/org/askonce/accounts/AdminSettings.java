package org.askonce.accounts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code askonce.admin.*}: the first admin, created at start-up only while there is no account at
 * all. Both values come from the environment ({@code ASKONCE_ADMIN_USERNAME},
 * {@code ASKONCE_ADMIN_PASSWORD}), never from a committed file; there is no default password.
 * Once any account exists they are ignored.
 */
@ConfigurationProperties("askonce.admin")
public record AdminSettings(String username, String password) {

    public AdminSettings {
        username = username == null || username.isBlank() ? null : username.strip();
        password = password == null || password.isEmpty() ? null : password;
    }

    boolean complete() {
        return username != null && password != null;
    }

    boolean partial() {
        return (username == null) != (password == null);
    }

    @Override
    public String toString() {
        return "AdminSettings[username=" + username + ", password=" + (password == null ? "unset" : "******") + "]";
    }
}
