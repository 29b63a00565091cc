package org.askonce.webchat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.askonce.system.DatabaseWatch;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database does not answer, the chat API says so at once: 503 with
 * {@code {"error": "…"}} and {@code Retry-After}, instead of letting the question wait for a
 * connection. Nothing is stored; the chat page shows that it is retrying and sends the question again.
 */
@Component
class ChatAvailabilityFilter extends OncePerRequestFilter {

    private static final byte[] BODY = ("{\"error\":\"" + DatabaseWatch.UNAVAILABLE + "\"}").getBytes(StandardCharsets.UTF_8);

    private final DatabaseWatch database;

    ChatAvailabilityFilter(DatabaseWatch database) {
        this.database = database;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api/chat") || path.startsWith("/api/chat/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (database.available()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "2");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
