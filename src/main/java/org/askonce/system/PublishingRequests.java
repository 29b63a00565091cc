package org.askonce.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests that publish knowledge: any state-changing request (not GET, HEAD, OPTIONS or TRACE)
 * under {@code /editor/} or {@code /api/editor/} whose last path segment is {@code publish},
 * {@code rollback}, {@code return} (sending a draft back), {@code retire} (a life event no longer answered) or
 * {@code import} (an import publishes at once). A console page added later, such
 * as {@code POST /editor/lexicon/publish}, is guarded without a new rule. A path pattern cannot say
 * this ({@code **} is allowed only at the end), so the path is read here the way Spring MVC maps it:
 * percent-decoded, without path parameters ({@code ;…}) and empty segments (a trailing slash);
 * compared ignoring case.
 */
final class PublishingRequests implements RequestMatcher {

    static final Set<String> ACTIONS = Set.of("publish", "rollback", "import", "return", "retire");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (request.getMethod() == null || SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return false;
        }
        return isPublishingPath(pathWithinApplication(request));
    }

    static boolean isPublishingPath(String path) {
        List<String> segments = PathContainer.parsePath(path).elements().stream()
                .filter(e -> e instanceof PathContainer.PathSegment)
                .map(e -> ((PathContainer.PathSegment) e).valueToMatch().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .toList();
        if (segments.size() < 2 || !ACTIONS.contains(segments.get(segments.size() - 1))) {
            return false;
        }
        return segments.get(0).equals("editor")
                || segments.size() >= 3 && segments.get(0).equals("api") && segments.get(1).equals("editor");
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
        String context = request.getContextPath() == null ? "" : request.getContextPath();
        return !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    @Override
    public String toString() {
        return "PublishingRequests" + ACTIONS;
    }
}
