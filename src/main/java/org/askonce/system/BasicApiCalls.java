package org.askonce.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests that need no CSRF token: API calls from a program (a 12345 hotline system, a script)
 * authenticated by HTTP Basic alone. A forged cross-site request rides on what the browser adds by
 * itself — the session cookie, or Basic credentials it cached — so all of these must hold:
 * <ul>
 * <li>the path is under {@code /api/} (pages and their forms always need the token);</li>
 * <li>the {@code Authorization} header carries well-formed {@code Basic} credentials (any other scheme,
 * such as a made-up {@code Bearer x}, proves nothing; wrong Basic credentials are answered 401 by the
 * Basic filter before anything runs);</li>
 * <li>no session of the request is logged in: a request that a session cookie authenticates needs the
 * token, whatever other headers say;</li>
 * <li>the request shows no sign of coming from a web page: no {@code Origin} and no
 * {@code Sec-Fetch-Site} header, which browsers send with every POST (so a browser that cached Basic
 * credentials still needs the token) and programs do not.</li>
 * </ul>
 * The CSRF filter runs before the login filters, so this reads the request as it arrives.
 */
final class BasicApiCalls implements RequestMatcher {

    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    @Override
    public boolean matches(HttpServletRequest request) {
        return API.matches(request) && hasBasicCredentials(request) && !loggedInBySession(request)
                && request.getHeader(HttpHeaders.ORIGIN) == null && request.getHeader("Sec-Fetch-Site") == null;
    }

    static boolean hasBasicCredentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String credentials = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            return credentials.indexOf(':') > 0;
        } catch (IllegalArgumentException e) { // not base64
            return false;
        }
    }

    private static boolean loggedInBySession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        Authentication authentication = context instanceof SecurityContext c ? c.getAuthentication() : null;
        return authentication != null && authentication.isAuthenticated();
    }

    @Override
    public String toString() {
        return "BasicApiCalls[/api/**, Basic credentials, no logged-in session, no Origin or Sec-Fetch-Site]";
    }
}
