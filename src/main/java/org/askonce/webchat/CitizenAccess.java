package org.askonce.webchat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.Conversations;

/**
 * Who may use which web conversation. A citizen is the identity in their cookie
 * ({@link CitizenIdentities}); the first identity to use a userId holds it, and any other is refused
 * (nothing is revealed). A request without a userId gets the identity's own (a new one the first
 * time). A trusted integration (header {@value #API_KEY_HEADER} with a configured key) acts for any
 * userId. Posts from another site's page are refused by their {@code Origin} (with the SameSite
 * cookie, that is what protects the citizen's side without a CSRF token).
 */
final class CitizenAccess {

    static final String API_KEY_HEADER = "X-AskOnce-Api-Key";

    /** Refused: the userId is another citizen's, or the request comes from another site. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final CitizenIdentities identities;
    private final CitizenBindings bindings;
    private final Conversations conversations;
    private final CitizenSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    CitizenAccess(CitizenIdentities identities, CitizenBindings bindings, Conversations conversations, CitizenSettings settings, Clock clock) {
        this.identities = identities;
        this.bindings = bindings;
        this.conversations = conversations;
        this.settings = settings;
        this.clock = clock;
    }

    /** Who a writing request is: the userId it acts for, and what its messages are counted under (its identity). */
    record Citizen(String userId, String countedAs) {
    }

    /** The citizen a request that writes (a question, a rating) acts for; the identity is issued or refreshed. */
    Citizen writer(String requested, HttpServletRequest request, HttpServletResponse response) {
        checkOrigin(request);
        if (trusted(request)) {
            if (requested == null) {
                throw new IllegalArgumentException("用 API key 代市民提问时必须给出 userId");
            }
            return new Citizen(requested, "api:" + requested);
        }
        String identity = identities.identify(request, response).id();
        if (requested == null) {
            return new Citizen(bindings.userOf(identity).orElseGet(() -> {
                String userId = "web-" + HexFormat.of().formatHex(bytes(8));
                bindings.bind(userId, identity, clock.instant());
                return userId;
            }), identity);
        }
        return new Citizen(take(requested, identity), identity);
    }

    /**
     * The userId a request that reads (the messages) may read, if any: the requested one when this
     * identity holds it, the identity's own when none is requested; empty when it has no conversation yet.
     */
    Optional<String> reader(String requested, HttpServletRequest request, HttpServletResponse response) {
        if (trusted(request)) {
            if (requested == null) {
                throw new IllegalArgumentException("用 API key 代市民提问时必须给出 userId");
            }
            return Optional.of(requested);
        }
        Optional<CitizenIdentities.Identity> identity = identities.read(request);
        if (requested == null) {
            return identity.flatMap(i -> bindings.userOf(i.id()));
        }
        Optional<String> holder = bindings.holderOf(requested);
        if (holder.isEmpty()) {
            if (conversations.hasHistory(Channel.WEB, requested)) {
                throw refused();
            }
            return Optional.empty(); // nobody's conversation: nothing to read
        }
        if (identity.isEmpty() || !holder.get().equals(identity.get().id())) {
            throw refused();
        }
        identities.identify(request, response); // moves last seen on
        return Optional.of(requested);
    }

    /** The citizen's own userId to clear; the identity ends with it. */
    Optional<String> clearing(String requested, HttpServletRequest request, HttpServletResponse response) {
        checkOrigin(request);
        Optional<String> userId = reader(requested, request, response);
        userId.ifPresent(bindings::unbind);
        if (!trusted(request)) {
            identities.end(response);
        }
        return userId;
    }

    private String take(String requested, String identity) {
        Optional<String> holder = bindings.holderOf(requested);
        if (holder.isPresent()) {
            if (!holder.get().equals(identity)) {
                throw refused();
            }
            return requested;
        }
        if (conversations.hasHistory(Channel.WEB, requested)) {
            throw refused(); // a conversation from before identities were issued: nobody may take it over
        }
        if (!bindings.bind(requested, identity, clock.instant())) {
            throw refused(); // another identity took it at the same moment
        }
        return requested;
    }

    /** Whether the request is a trusted integration's (a valid API key); a wrong key is refused. */
    boolean trusted(HttpServletRequest request) {
        String key = request.getHeader(API_KEY_HEADER);
        if (key == null || key.isEmpty()) {
            return false;
        }
        byte[] given = key.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (String configured : settings.apiKeys()) {
            match |= MessageDigest.isEqual(configured.getBytes(StandardCharsets.UTF_8), given);
        }
        if (!match) {
            throw new Refused("API key is not valid");
        }
        return true;
    }

    /** A browser's post from a page of another site (its Origin names another host) is refused. */
    private void checkOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null || origin.isEmpty()) {
            return; // not a browser's cross-site request (browsers send Origin with every cross-site POST)
        }
        if (settings.allowedOrigins().contains(origin)) {
            return;
        }
        String host = request.getHeader("Host");
        try {
            URI uri = URI.create(origin);
            String authority = uri.getAuthority();
            if (authority != null && host != null && authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT))) {
                return;
            }
        } catch (IllegalArgumentException badOrigin) {
            // refused below
        }
        throw new Refused("请从本站的页面提问（来源不被允许）");
    }

    private static Refused refused() {
        return new Refused("无权查看或使用这个会话");
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
