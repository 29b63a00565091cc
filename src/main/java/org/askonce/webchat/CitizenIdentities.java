package org.askonce.webchat;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseCookie;

/**
 * The identity the server issues to a web citizen: 128 random bits in a signed, HttpOnly,
 * SameSite=Lax cookie ({@value #COOKIE}: {@code v1.<id>.<last seen, epoch seconds>.<HMAC-SHA256>}).
 * Nobody can forge one without the key, and two instances with the same key accept each other's.
 * An identity unused for the idle timeout is no longer accepted; each use moves its last-seen time on.
 */
final class CitizenIdentities {

    private static final Logger log = LoggerFactory.getLogger(CitizenIdentities.class);
    static final String COOKIE = "askonce_citizen";
    private static final String VERSION = "v1";
    /** The cookie is re-issued (last seen moved on) at most this often. */
    private static final Duration REFRESH = Duration.ofMinutes(10);

    private final SecretKeySpec key;
    private final CitizenSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CitizenIdentities(CitizenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        byte[] secret;
        if (settings.identityKey() == null || settings.identityKey().isBlank()) {
            secret = new byte[32];
            random.nextBytes(secret);
            log.warn("askonce.webchat.identity-key is not set: web citizens' identities are signed with a random key; they end "
                    + "with a restart and a second instance will not accept them. Set ASKONCE_WEBCHAT_IDENTITYKEY (32+ characters).");
        } else {
            secret = settings.identityKey().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A citizen's identity and whether the response must (re)send its cookie. */
    record Identity(String id, Instant lastSeen, boolean fresh) {
    }

    /** The request's valid identity, if it carries one. */
    Optional<Identity> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                Optional<Identity> valid = verify(c.getValue());
                if (valid.isPresent()) {
                    return valid;
                }
            }
        }
        return Optional.empty();
    }

    /** The request's identity, or a new one; the cookie is set on the response when new or due for a refresh. */
    Identity identify(HttpServletRequest request, HttpServletResponse response) {
        Instant now = clock.instant();
        Identity identity = read(request).orElseGet(() -> new Identity(newId(), now, true));
        if (identity.fresh() || Duration.between(identity.lastSeen(), now).compareTo(REFRESH) > 0) {
            response.addHeader("Set-Cookie", cookie(identity.id(), now).toString());
        }
        return identity;
    }

    /** A cookie that ends the identity in the browser (after the citizen cleared their history). */
    void end(HttpServletResponse response) {
        response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, "").httpOnly(true).sameSite("Lax").secure(settings.secureCookie())
                .path("/").maxAge(0).build().toString());
    }

    ResponseCookie cookie(String id, Instant lastSeen) {
        String payload = VERSION + "." + id + "." + lastSeen.getEpochSecond();
        return ResponseCookie.from(COOKIE, payload + "." + sign(payload)).httpOnly(true).sameSite("Lax").secure(settings.secureCookie())
                .path("/").maxAge(settings.idleTimeout()).build();
    }

    Optional<Identity> verify(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\.");
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !parts[1].matches("[0-9a-f]{32}") || !parts[2].matches("\\d{1,12}")) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant lastSeen = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        Instant now = clock.instant();
        if (lastSeen.plus(settings.idleTimeout()).isBefore(now) || lastSeen.isAfter(now.plus(Duration.ofMinutes(5)))) {
            return Optional.empty();
        }
        return Optional.of(new Identity(parts[1], lastSeen, false));
    }

    private String newId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
