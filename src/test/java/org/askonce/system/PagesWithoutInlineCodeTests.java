package org.askonce.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows scripts and styles from files only: no page may carry an inline
 * script, style element, style attribute, event handler attribute or javascript: URL (a browser would
 * refuse them, and the page would silently lose its behaviour or look).
 */
class PagesWithoutInlineCodeTests {

    private static final Pattern INLINE = Pattern.compile(
            "<script(?![^>]*[\\s:]src=)[^>]*>|<script[^>]*[\\s:]src=[^>]*>[^<\\s]+|<style[\\s>]|\\s(?:th:)?style=\"|\\s(?:th:)?on[a-z]+=\"|javascript:",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noPageCarriesInlineScriptsOrStyles() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/resources/templates"), Path.of("src/main/resources/static"),
                Path.of("src/main/resources/wechat"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path page : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                    Matcher m = INLINE.matcher(Files.readString(page));
                    while (m.find()) {
                        found.add(page + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsAnInlineScript() {
        assertThat(INLINE.matcher("<p>x</p><script>alert(1)</script>").find()).isTrue();
        assertThat(INLINE.matcher("<div style=\"color: red\">").find()).isTrue();
        assertThat(INLINE.matcher("<button onclick=\"go()\">").find()).isTrue();
        assertThat(INLINE.matcher("<script th:src=\"@{/js/console.js}\" data-watch=\"queue\"></script>").find()).isFalse();
    }
}
