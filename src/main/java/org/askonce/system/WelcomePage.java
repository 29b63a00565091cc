package org.askonce.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

/**
 * The web chat page at {@code /}, as {@link StaticResources} serves {@code /index.html} ({@code
 * Cache-Control: no-cache}, weak content ETag, 304 when unchanged, compressed when accepted), but
 * written from memory: Spring Boot's welcome page forwarded every request to {@code index.html},
 * a second pass through the dispatcher (under load, half of the page's CPU samples were inside the
 * forward), with two exceptions thrown and caught and a stat of the jar on the way.
 */
@Controller
class WelcomePage {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private final byte[] page;
    private final String etag;

    WelcomePage() {
        Resource index = new ClassPathResource("static/index.html");
        try (InputStream in = index.getInputStream()) {
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The chat page static/index.html is missing from the build", e);
        }
        this.etag = StaticResources.etag(page);
    }

    @GetMapping("/")
    ResponseEntity<byte[]> page(WebRequest request) {
        if (request.checkNotModified(etag)) {
            return null; // 304, written by checkNotModified
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).eTag(etag).contentType(HTML).body(page);
    }
}
