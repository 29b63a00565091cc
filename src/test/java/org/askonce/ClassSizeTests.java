package org.askonce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One job per class: no source file of the application is longer than {@value #MAX_LINES} lines. */
class ClassSizeTests {

    static final int MAX_LINES = 350;

    @Test
    void noMainClassIsLongerThanTheLimit() throws IOException {
        List<String> tooLong;
        long files;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            List<Path> java = sources.filter(p -> p.toString().endsWith(".java")).toList();
            files = java.size();
            tooLong = java.stream()
                    .map(p -> p + " (" + lines(p) + " lines)")
                    .filter(s -> Integer.parseInt(s.replaceAll(".*\\((\\d+) lines\\)$", "$1")) > MAX_LINES)
                    .toList();
        }
        assertThat(files).as("the sources were found").isGreaterThan(200);
        assertThat(tooLong).as("split these by responsibility").isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
