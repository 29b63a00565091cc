package org.askonce.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample knowledge base in knowledge-base/ is complete: what the catalogue asks, in full. */
class SampleKnowledgeBaseTests {

    /** The shared catalogue beside the project; a clone elsewhere uses the copy kept in the tests (same file). */
    private static final Path SHARED = Path.of("../shared/catalogue/items.tsv");
    private static final Path CATALOGUE = Files.exists(SHARED) ? SHARED : Path.of("src/test/resources/catalogue/items.tsv");
    private static final KnowledgeSnapshot SAMPLE = KnowledgeFolder.read(Path.of("knowledge-base"));

    @Test
    void coversEveryCatalogueItemUnderItsExactNameWithItsColloquialNames() throws IOException {
        List<String> rows = Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank()).toList();
        assertThat(rows).isNotEmpty();
        for (String row : rows) {
            String[] f = row.split("\t");
            assertThat(SAMPLE.itemByName(f[0])).as("item %s", f[0]).isPresent();
            ServiceItem item = SAMPLE.itemByName(f[0]).orElseThrow();
            assertThat(item.audience()).as("audience of %s", f[0]).isEqualTo(f[2]);
            List<String> colloquial = Arrays.stream(f[3].split(";")).map(String::strip).toList();
            assertThat(item.aliases()).as("aliases of %s", f[0]).containsAll(colloquial);
        }
    }

    @Test
    void hasAtLeast150FaqsEachWithThreeSimilarQuestions() {
        assertThat(SAMPLE.faqCount()).isGreaterThanOrEqualTo(150);
        assertThat(SAMPLE.faqs()).allSatisfy(f -> assertThat(f.similar()).as("similar questions of %s", f.id()).hasSizeGreaterThanOrEqualTo(3));
    }

    @Test
    void everyItemIsMarkedAsSampleData() {
        assertThat(SAMPLE.items()).allSatisfy(i -> assertThat(i.source()).contains("示例数据"));
    }

    @Test
    void everyItemIsAPlausibleHangzhouGuide() {
        // presence is checked by loading; this checks that what is there reads like a real guide
        String phone = "0571-\\d{5,8}|12345";
        assertThat(SAMPLE.items()).allSatisfy(i -> {
            assertThat(i.consultPhone()).as("consult phone of %s", i.id()).matches(phone);
            assertThat(i.halls()).allSatisfy(h -> assertThat(h.phone()).as("hall phone of %s", i.id()).matches(phone));
            assertThat(i.online().url()).as("online link of %s", i.id()).startsWith("https://");
            assertThat(i.aliases()).as("aliases of %s", i.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(i.process()).as("process of %s", i.id()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(i.timeLimit().legalDays()).as("time limits of %s", i.id()).isGreaterThanOrEqualTo(i.timeLimit().promisedDays());
        });
    }

    @Test
    void theCopyOfTheCatalogueInTheTestsIsTheSharedOne() throws IOException {
        Path copy = Path.of("src/test/resources/catalogue/items.tsv");
        assertThat(copy).exists();
        if (Files.exists(SHARED)) {
            assertThat(Files.readString(copy, StandardCharsets.UTF_8)).isEqualTo(Files.readString(SHARED, StandardCharsets.UTF_8));
        }
    }
}
