package org.askonce.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors: the stored form, the shipped file, the cache layers, the model. */
class VectorsTests {

    private static float[] unit(float... v) {
        return Vectors.normalised(v);
    }

    @Test
    void storedFormKeepsCosinesWithinAFewThousandths() {
        float[] a = unit(0.3f, -0.2f, 0.9f, 0.1f, -0.5f);
        float[] b = unit(0.1f, 0.4f, 0.7f, -0.3f, 0.2f);
        assertThat(Vectors.dot(Vectors.canonical(a), Vectors.canonical(b))).isCloseTo(Vectors.dot(a, b),
                org.assertj.core.data.Offset.offset(0.005));
        assertThat(Vectors.encode(a)).hasSize(4 + a.length);
    }

    @Test
    void digestIsTheHexSha256OfTheText() {
        assertThat(Vectors.digest("狗证")).hasSize(64).isEqualTo(Vectors.digest("狗证")).isNotEqualTo(Vectors.digest("犬证"));
    }

    @Test
    void aVectorFileReadsBackWhatWasWritten(@TempDir Path dir) {
        byte[] v = Vectors.encode(unit(1, 2, 3));
        VectorFile.write(dir, "m1", 3, Map.of(Vectors.digest("a"), v));
        VectorFile file = VectorFile.read(dir, "m1");
        assertThat(file.find("m1", List.of(Vectors.digest("a"), Vectors.digest("b")))).containsOnlyKeys(Vectors.digest("a"));
        assertThat(file.find("m2", List.of(Vectors.digest("a")))).isEmpty();
    }

    @Test
    void aFileOfAnotherModelIsRejectedWithItsName(@TempDir Path dir) throws IOException {
        VectorFile.write(dir, "m1", 3, Map.of());
        Files.move(VectorFile.of(dir, "m1"), VectorFile.of(dir, "m2"));
        assertThatThrownBy(() -> VectorFile.read(dir, "m2")).hasMessageContaining("not a vector file of m2");
    }

    @Test
    void missingVectorsAreComputedOnceAndKeptInTheFirstCache() {
        int[] calls = {0};
        Embedder counting = new Embedder() {
            @Override
            public String model() {
                return "counting";
            }

            @Override
            public int dimension() {
                return 2;
            }

            @Override
            public float[] embed(String text) {
                calls[0]++;
                return unit(text.length(), 1);
            }
        };
        InMemoryVectorCache cache = new InMemoryVectorCache();
        WordingVectors vectors = new WordingVectors(counting, List.of(cache));
        vectors.of(List.of("一", "二二"), n -> { });
        vectors.of(List.of("一", "二二", "三三三"), n -> { });
        assertThat(calls[0]).isEqualTo(3);
        assertThat(cache.size()).isEqualTo(3);
        assertThat(vectors.missing(List.of("一", "四"))).isEqualTo(1);
    }

    @Test
    void theShippedVectorsCoverEveryWordingOfTheSampleKnowledgeBase() {
        KnowledgeSnapshot kb = KnowledgeFolder.read(Path.of("knowledge-base"));
        VectorFile shipped = VectorFile.read(Path.of("knowledge-base/vectors"), BgeSmallZhEmbedder.MODEL);
        List<String> digests = SearchIndexBuilder.embeddedTexts(kb).stream().map(Vectors::digest).distinct().toList();
        // regenerate with `java -jar target/askonce.jar embed` after changing wordings
        assertThat(shipped.find(BgeSmallZhEmbedder.MODEL, digests)).hasSameSizeAs(digests);
    }

    @Test
    void theShippedVectorsAreTheModelsVectors() {
        KnowledgeSnapshot kb = KnowledgeFolder.read(Path.of("knowledge-base"));
        String text = kb.items().get(0).name();
        byte[] shipped = VectorFile.read(Path.of("knowledge-base/vectors"), BgeSmallZhEmbedder.MODEL)
                .find(BgeSmallZhEmbedder.MODEL, List.of(Vectors.digest(text))).get(Vectors.digest(text));
        float[] fresh = new BgeSmallZhEmbedder().embed(text);
        assertThat(Vectors.dot(Vectors.decode(shipped), fresh)).isGreaterThan(0.995);
    }
}
