package org.askonce.webchat;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code askonce.webchat.*}: the identity the server issues to a web citizen.
 *
 * @param identityKey    the key that signs identity cookies (at least 32 characters), from the environment
 *                       ({@code ASKONCE_WEBCHAT_IDENTITYKEY}); instances behind one load balancer need the same
 *                       key. Blank: a random key per start (one instance only; identities end with a restart)
 * @param idleTimeout    an identity unused this long is forgotten (the citizen starts afresh)
 * @param apiKeys        keys of trusted integrations (header {@code X-AskOnce-Api-Key}), which may act for any userId
 * @param allowedOrigins origins besides the page's own that may post to the chat API (e.g. a portal embedding it)
 * @param secureCookie   mark the cookie {@code Secure} (the site is served over TLS)
 */
@ConfigurationProperties("askonce.webchat")
public record CitizenSettings(
        String identityKey,
        @DefaultValue("30d") Duration idleTimeout,
        @DefaultValue List<String> apiKeys,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue("false") boolean secureCookie) {

    public CitizenSettings {
        apiKeys = apiKeys == null ? List.of() : apiKeys.stream().filter(k -> k != null && !k.isBlank()).toList();
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        if (identityKey != null && !identityKey.isBlank() && identityKey.length() < 32) {
            throw new IllegalArgumentException("askonce.webchat.identity-key must be at least 32 characters, got " + identityKey.length());
        }
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("askonce.webchat.idle-timeout must be positive, got " + idleTimeout);
        }
        if (apiKeys.stream().anyMatch(k -> k.length() < 16)) {
            throw new IllegalArgumentException("askonce.webchat.api-keys must be at least 16 characters each");
        }
    }

    public static CitizenSettings defaults() {
        return new CitizenSettings(null, Duration.ofDays(30), List.of(), List.of(), false);
    }
}
