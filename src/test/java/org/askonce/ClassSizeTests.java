package org.askonce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).as("the sources were found").hasSizeGreaterThan(200);
        assertThat(sources).as("split these by responsibility").filteredOn(p -> lines(p) > MAX_LINES).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
