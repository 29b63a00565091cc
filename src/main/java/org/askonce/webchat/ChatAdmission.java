package org.askonce.webchat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Past capacity, the chat API says so at once instead of letting questions pile up: a question
 * (POST) that does not get one of the instance's places within the wait gets 503 with
 * {@code Retry-After} and {@code {"error": "…"}} in Chinese. Nothing of it is stored — it never
 * reaches the dialogue — and the chat page shows that it is retrying and sends it again; as the load
 * falls, places free up and questions are answered again, with nothing to reset.
 */
final class ChatAdmission extends OncePerRequestFilter {

    static final String BUSY = "现在咨询的人较多，请稍候，页面会自动重新发送您的问题。";
    static final String RETRY_AFTER_SECONDS = "1";
    private static final byte[] BODY = ("{\"error\":\"" + BUSY + "\"}").getBytes(StandardCharsets.UTF_8);

    private final Semaphore places;
    private final long waitNanos;
    private final Counter rejected;

    ChatAdmission(ChatAdmissionSettings settings, MeterRegistry meters) {
        this.places = new Semaphore(settings.permits(), true);
        this.waitNanos = settings.queueWait().toNanos();
        this.rejected = meters == null ? null : Counter.builder("askonce.webchat.rejected")
                .description("Chat questions answered 503 because the instance was at capacity").register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            if (rejected != null) {
                rejected.increment();
            }
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setContentLength(BODY.length);
            response.getOutputStream().write(BODY);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    /** Places free now (for tests and health). */
    int available() {
        return places.availablePermits();
    }
}
