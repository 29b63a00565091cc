package org.askonce.retrieval;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeEmbedding;
import org.askonce.knowledge.KnowledgeIndexed;
import org.askonce.knowledge.KnowledgePublished;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.TextPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Finds the service items and FAQs that answer a question, from the current {@link AnswerModel}.
 * A publication builds a new model in the background and swaps it in with one write; a question is
 * analysed and searched wholly by one model ({@link #current()}).
 */
@Service
public class Retriever {

    private static final Logger log = LoggerFactory.getLogger(Retriever.class);
    /** An item's FAQ counts as evidence for the item, a little less than the item's own names. */
    static final double FAQ_AS_ITEM_EVIDENCE = 0.95;
    /** Up to this many wordings without a vector are embedded before a model is swapped in; more are embedded after, in the background. */
    static final int EMBED_AT_ONCE = 200;
    /** Questions still searching a replaced model finish well within this; then it is closed. */
    private static final long RETIRE_SECONDS = 30;

    private final AnswerModels models;
    private final KnowledgeBase knowledgeBase;
    /** The pipeline other modules analyse with; it adopts each new model's pipeline. */
    private final TextPipeline shared;
    private final ScheduledExecutorService rebuilds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "index-rebuild");
        t.setDaemon(true);
        return t;
    });
    private volatile AnswerModel current;
    /** Vectors being computed for the current publication: how many of how many (0 of 0 when none). */
    private volatile int embedded;
    private volatile int embedding;

    /** Told when a rebuilt index is swapped in ({@link KnowledgeIndexed}); null outside Spring, where nothing is rebuilt. */
    private final ApplicationEventPublisher events;

    @Autowired
    Retriever(KnowledgeBase knowledgeBase, TextPipeline pipeline, AnswerModels models, ApplicationEventPublisher events) {
        this.knowledgeBase = knowledgeBase;
        this.models = models;
        this.shared = pipeline;
        this.events = events;
        long publication = knowledgeBase.publication();
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        int missing = models.vectorsMissing(snapshot);
        this.current = models.build(publication, snapshot, pipeline, missing <= EMBED_AT_ONCE, n -> { });
        if (missing > EMBED_AT_ONCE) {
            log.info("{} wordings have no vector yet: answering lexically until they are embedded", missing);
            rebuilds.execute(() -> embed(current, missing));
        }
    }

    private Retriever(AnswerModel model) {
        this.knowledgeBase = null;
        this.models = null;
        this.shared = model.pipeline();
        this.events = null;
        this.current = model;
    }

    /** A retriever of one model, outside Spring (evaluation, try-it, benchmarks, tests): nothing is rebuilt. */
    public static Retriever of(AnswerModel model) {
        return new Retriever(model);
    }

    /** A retriever outside Spring: the snapshot's model, lexical only (as {@link RetrievalSettings#lexicalOnly()}) unless the settings say semantic. */
    public static Retriever create(KnowledgeSnapshot snapshot, TextPipeline pipeline, RetrievalSettings settings) {
        AnswerModels factory = AnswerModels.standalone(pipeline.settings(), settings, null);
        return new Retriever(factory.build(0, snapshot, pipeline, true, n -> { }));
    }

    /** The model answering now: analyse and search a question with the same one. */
    public AnswerModel current() {
        return current;
    }

    /** Computes the missing vectors of a lexical model's snapshot, then swaps in the complete model (if still the current publication). */
    private void embed(AnswerModel lexical, int missing) {
        long start = System.nanoTime();
        embedding = missing;
        embedded = 0;
        announce(new KnowledgeEmbedding(lexical.publication(), 0, missing));
        try {
            AnswerModel complete = models.build(lexical.publication(), lexical.snapshot(), lexical.pipeline(), true, n -> {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("shutting down");
                }
                embedded = n;
                if (n % 256 < 32 && n < missing) {
                    log.info("Embedding wordings of publication {}: {} of {}", lexical.publication(), n, missing);
                    announce(new KnowledgeEmbedding(lexical.publication(), n, missing));
                }
            });
            synchronized (this) {
                if (current == lexical) {
                    swap(complete);
                    announce(new KnowledgeEmbedding(lexical.publication(), missing, missing));
                    log.info("Vectors of publication {} ready after {} ms: answering with meaning and words", lexical.publication(),
                            (System.nanoTime() - start) / 1_000_000);
                } else {
                    complete.close();
                }
            }
        } catch (CancellationException stopped) {
            log.info("Embedding the wordings of publication {} stopped: AskOnce is shutting down", lexical.publication());
        } catch (RuntimeException e) {
            log.error("Could not embed the wordings of publication {}; answering lexically", lexical.publication(), e);
        } finally {
            embedding = 0;
            embedded = 0;
        }
    }

    private void announce(Object event) {
        if (events != null) {
            events.publishEvent(event);
        }
    }

    private void swap(AnswerModel next) {
        AnswerModel replaced = this.current;
        this.current = next;
        shared.adopt(next.pipeline());
        rebuilds.schedule(replaced::close, RETIRE_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * A new publication of the knowledge base: a new model (pipeline with the new dictionary and
     * lexicon, index, vectors) is built in the background while questions are answered from the old
     * one, then swapped in with one write. Publications that come while one is being built are folded
     * into the next build. When many wordings need vectors (a large import), the lexical model is
     * swapped in first and the vectors follow.
     */
    @EventListener
    void on(KnowledgePublished published) {
        if (knowledgeBase == null) {
            return;
        }
        rebuilds.execute(this::rebuild);
    }

    private synchronized void rebuild() {
        long publication = knowledgeBase.publication();
        if (publication == current.publication()) {
            return;
        }
        long start = System.nanoTime();
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        try {
            int missing = models.vectorsMissing(snapshot);
            AnswerModel next = models.build(publication, snapshot, models.pipeline(snapshot), missing <= EMBED_AT_ONCE, n -> { });
            swap(next);
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("Search index rebuilt for publication {}: {} swapped in after {} ms", publication, next, millis);
            events.publishEvent(KnowledgeIndexed.built(publication, snapshot.itemCount(), millis));
            if (missing > EMBED_AT_ONCE) {
                rebuilds.execute(() -> embed(next, missing));
            }
        } catch (RuntimeException e) {
            log.error("Could not rebuild the search index for publication {}; citizens keep getting the previous one", publication, e);
            events.publishEvent(KnowledgeIndexed.failed(publication, snapshot.itemCount(), (System.nanoTime() - start) / 1_000_000,
                    e.toString()));
        }
    }

    /**
     * The application is stopping: a rebuild or a background embedding under way stops at its next
     * batch instead of computing vectors nobody will use (and holding the CPU while the JVM winds down).
     */
    @PreDestroy
    void stop() {
        rebuilds.shutdownNow();
    }

    /** Releases the model of a retriever made outside Spring once it is no longer used. */
    public void close() {
        current.close();
    }

    /** The publication the current model was built for. */
    public long builtFor() {
        return current.publication();
    }

    /** The current model's thresholds and settings. */
    public RetrievalSettings settings() {
        return current.settings();
    }

    /** Whether the sentence vectors are ready: "ready", "embedding n/N", or "off" (lexical only). */
    public String vectorState() {
        if (current.semantic()) {
            return "ready";
        }
        if (models != null && !models.semantic()) {
            return "off";
        }
        return embedding > 0 ? "embedding " + embedded + "/" + embedding : "lexical";
    }

    public SearchResult search(Analysis question) {
        return current.search(question);
    }

    /** Why the question matched: its keys and the top wordings with the evidence behind each score, and both signals per item. */
    public Explanation explain(String text, int top) {
        return current.explain(text, top);
    }
}
