package org.askonce.retrieval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.askonce.knowledge.KnowledgeSettings;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.NlpSettings;
import org.askonce.nlp.TextPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place that builds {@link AnswerModel}s — for the application, the evaluation, try-it, the
 * learning loop and the benchmarks alike: a text pipeline for the snapshot, the lexical index, the
 * wordings' vectors (from the vectors shipped with the knowledge base, the vector cache, and the
 * model for what neither has), and the fusion weights fitted on the dev sets.
 */
@Component
public class AnswerModels {

    private static final Logger log = LoggerFactory.getLogger(AnswerModels.class);

    private final NlpSettings nlp;
    private final RetrievalSettings settings;
    private final Embedder embedder;
    private final WordingVectors vectors;
    private final QueryVectors queries;
    private final Fusion fusion;

    @Autowired
    AnswerModels(NlpSettings nlp, RetrievalSettings settings, KnowledgeSettings knowledge, JdbcClient jdbc) {
        this(nlp, settings, settings.semantic() ? new BgeSmallZhEmbedder() : null,
                settings.vectorsDir() != null ? settings.vectorsDir() : knowledge.knowledgeBase().resolve("vectors"), new JdbcVectorCache(jdbc));
    }

    private AnswerModels(NlpSettings nlp, RetrievalSettings settings, Embedder embedder, Path shipped, VectorCache cache) {
        this.nlp = nlp;
        this.settings = settings;
        this.embedder = embedder;
        List<VectorCache> caches = new ArrayList<>();
        caches.add(cache);
        if (embedder != null && shipped != null) {
            VectorFile file = VectorFile.read(shipped, embedder.model());
            if (file.size() > 0) {
                log.info("{} vectors of {} shipped in {}", file.size(), embedder.model(), shipped);
            }
            caches.add(file);
        }
        this.vectors = embedder == null ? null : new WordingVectors(embedder, caches);
        this.queries = embedder == null ? null : new QueryVectors(embedder, settings.queryCache());
        this.fusion = Fusion.read(nlp.trainingDir().resolve("fusion.properties"));
        log.info("Answer models: {}; fusion weights from {}", embedder == null ? "lexical only" : "semantic (" + embedder.model()
                + ") + lexical", fusion.origin());
    }

    /**
     * Answer models outside Spring (evaluation, benchmarks, tests): vectors cached in memory, seeded
     * from the vectors shipped in {@code shipped} (may be null).
     */
    public static AnswerModels standalone(NlpSettings nlp, RetrievalSettings settings, Path shipped) {
        return new AnswerModels(nlp, settings, settings.semantic() ? new BgeSmallZhEmbedder() : null, shipped, new InMemoryVectorCache());
    }

    /** The same factory with other retrieval settings (thresholds, semantic on or off), sharing the vectors. */
    public AnswerModels with(RetrievalSettings other) {
        return new AnswerModels(this, other);
    }

    private AnswerModels(AnswerModels base, RetrievalSettings other) {
        this.nlp = base.nlp;
        this.settings = other;
        this.embedder = other.semantic() ? base.embedder : null;
        this.vectors = other.semantic() ? base.vectors : null;
        this.queries = other.semantic() && base.queries != null ? new QueryVectors(base.embedder, other.queryCache()) : null;
        this.fusion = base.fusion;
        if (other.semantic() && base.embedder == null) {
            throw new IllegalArgumentException("This factory was made lexical-only; it cannot make semantic models");
        }
    }

    public RetrievalSettings settings() {
        return settings;
    }

    public NlpSettings nlp() {
        return nlp;
    }

    /** Whether models get sentence vectors (false: AskOnce runs lexical-only). */
    public boolean semantic() {
        return vectors != null;
    }

    /** A new text pipeline for a snapshot (its dictionary and lexicon; the intent model trained). */
    public TextPipeline pipeline(KnowledgeSnapshot snapshot) {
        return TextPipeline.create(snapshot, nlp);
    }

    /** A complete model: vectors for every wording, computed now where no cache has them. */
    public AnswerModel build(long publication, KnowledgeSnapshot snapshot) {
        return build(publication, snapshot, pipeline(snapshot), true, n -> { });
    }

    /** A model of the snapshot with the given pipeline; with {@code vectors} false (or lexical-only settings) the lexical index alone. */
    public AnswerModel build(long publication, KnowledgeSnapshot snapshot, TextPipeline pipeline, boolean withVectors, IntConsumer progress) {
        long start = System.nanoTime();
        Map<String, float[]> wordingVectors = null;
        if (withVectors && vectors != null) {
            wordingVectors = vectors.of(SearchIndexBuilder.embeddedTexts(snapshot), progress);
        }
        SearchIndex index = SearchIndexBuilder.build(snapshot, pipeline, settings.indexDir(), wordingVectors);
        AnswerModel model = new AnswerModel(publication, snapshot, pipeline, index, queries, fusion, settings);
        log.info("Search index built: {} wordings ({} with vectors) of {} items and {} FAQs in {} ms", index.size(), index.vectorCount(),
                snapshot.itemCount(), snapshot.faqCount(), (System.nanoTime() - start) / 1_000_000);
        return model;
    }

    /** How many of the snapshot's wordings need their vector computed (none is cached or shipped); 0 when lexical-only. */
    public int vectorsMissing(KnowledgeSnapshot snapshot) {
        return vectors == null ? 0 : vectors.missing(SearchIndexBuilder.embeddedTexts(snapshot));
    }

    /** How many wordings of the snapshot get a vector. */
    public int vectorsWanted(KnowledgeSnapshot snapshot) {
        return vectors == null ? 0 : SearchIndexBuilder.embeddedTexts(snapshot).size();
    }

    /**
     * Computes the vectors of every wording of the snapshot that no cache has and writes them all to
     * the model's file in {@code folder} (what {@code java -jar askonce.jar embed} ships with a knowledge base).
     */
    public Path writeShippedVectors(KnowledgeSnapshot snapshot, Path folder, IntConsumer progress) {
        if (vectors == null) {
            throw new IllegalStateException("lexical-only settings: no embedding model");
        }
        Map<String, byte[]> stored = new java.util.HashMap<>();
        vectors.stored(SearchIndexBuilder.embeddedTexts(snapshot), progress).forEach((text, v) -> stored.put(Vectors.digest(text), v));
        return VectorFile.write(folder, embedder.model(), embedder.dimension(), stored);
    }

    public String model() {
        return embedder == null ? "none" : embedder.model();
    }
}
