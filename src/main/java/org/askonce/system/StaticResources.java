package org.askonce.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web chat page and the scripts and styles of every page, served with {@code Cache-Control:
 * no-cache} and a weak {@code ETag} of their content: a browser keeps them and asks only whether they
 * changed (304, no body), and sees a new release at once, since their addresses carry no version. The
 * ETag is computed once per file (they are part of the release). Responses are compressed when the
 * client accepts it ({@code server.compression.*}).
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

    private final Map<String, String> etags = new ConcurrentHashMap<>();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // a pattern's wildcard part is looked up in its location: /js/chat.js is static/js/chat.js
        serve(registry, "/*.html", "classpath:/static/");
        serve(registry, "/js/**", "classpath:/static/js/");
        serve(registry, "/css/**", "classpath:/static/css/");
    }

    private void serve(ResourceHandlerRegistry registry, String pattern, String location) {
        registry.addResourceHandler(pattern).addResourceLocations(location)
                .setCacheControl(CacheControl.noCache())
                // the ETag says whether a file changed; a file's time inside the jar is a failed file lookup and a stat per request
                .setUseLastModified(false)
                .setEtagGenerator(this::cachedEtag);
    }

    private String cachedEtag(Resource resource) {
        try {
            return etags.computeIfAbsent(resource.getURL().toString(), url -> digest(resource));
        } catch (IOException | UncheckedIOException e) {
            return null; // no ETag: the file is still served
        }
    }

    private static String digest(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return etag(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The weak ETag of a file's content (also {@link WelcomePage}'s). */
    static String etag(byte[] content) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(content);
            // weak: the same content may go out compressed or not (Tomcat compresses nothing with a strong ETag)
            return "W/\"" + HexFormat.of().formatHex(sha, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
