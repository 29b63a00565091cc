package org.askonce.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.TextPipeline;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.askonce.knowledge.KnowledgeIndexed;
import org.askonce.knowledge.KnowledgePublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Finds the service items and FAQs that answer a question. Scores are 0..1 and mean the same
 * everywhere: how much of the question the best wording explains and how much of that wording the
 * question covers. See {@link RetrievalSettings} for the thresholds that turn them into decisions.
 */
@Service
public class Retriever {

    private static final Logger log = LoggerFactory.getLogger(Retriever.class);
    /** An item's FAQ counts as evidence for the item, a little less than the item's own names. */
    static final double FAQ_AS_ITEM_EVIDENCE = 0.95;

    private final RetrievalSettings settings;
    private final TextPipeline pipeline;
    private volatile SearchIndex index;

    private final KnowledgeBase knowledgeBase;
    /** Questions still searching a replaced index finish well within this; then it is closed. */
    private static final long RETIRE_SECONDS = 30;
    private final ScheduledExecutorService rebuilds = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "index-rebuild");
        t.setDaemon(true);
        return t;
    });
    private volatile long builtFor;

    /** Told when a rebuilt index is swapped in ({@link KnowledgeIndexed}); null outside Spring, where nothing is rebuilt. */
    private final ApplicationEventPublisher events;

    @Autowired
    Retriever(KnowledgeBase knowledgeBase, TextPipeline pipeline, RetrievalSettings settings, ApplicationEventPublisher events) {
        this(knowledgeBase, knowledgeBase.snapshot(), pipeline, settings, events);
        this.builtFor = knowledgeBase.publication();
    }

    private Retriever(KnowledgeBase knowledgeBase, KnowledgeSnapshot snapshot, TextPipeline pipeline, RetrievalSettings settings,
                      ApplicationEventPublisher events) {
        this.knowledgeBase = knowledgeBase;
        this.events = events;
        this.settings = settings;
        this.pipeline = pipeline;
        long start = System.nanoTime();
        this.index = SearchIndex.build(snapshot, pipeline, settings.indexDir());
        log.info("Search index built: {} wordings of {} items and {} FAQs in {} ms", index.size(), snapshot.itemCount(),
                snapshot.faqCount(), (System.nanoTime() - start) / 1_000_000);
    }

    /** A retriever outside Spring (evaluation, benchmarks, tests). */
    public static Retriever create(KnowledgeSnapshot snapshot, TextPipeline pipeline, RetrievalSettings settings) {
        return new Retriever(null, snapshot, pipeline, settings, null);
    }

    /**
     * A new publication of the knowledge base: a new pipeline (dictionary, lexicon) and index are
     * built in the background while questions are answered from the old ones, then both are swapped
     * in; no question is answered from a half-built index. Publications that come while one is being
     * built are folded into the next build.
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
        if (publication == builtFor) {
            return;
        }
        long start = System.nanoTime();
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        try {
            TextPipeline next = pipeline.rebuiltFor(snapshot);
            SearchIndex nextIndex = SearchIndex.build(snapshot, next, settings.indexDir());
            SearchIndex replaced = this.index;
            // two volatile writes: a question analysed in between meets the new words in the old
            // index, which is complete, so at worst it ranks as before the publication
            pipeline.adopt(next);
            this.index = nextIndex;
            rebuilds.schedule(replaced::close, RETIRE_SECONDS, TimeUnit.SECONDS);
            this.builtFor = publication;
            long millis = (System.nanoTime() - start) / 1_000_000;
            log.info("Search index rebuilt for publication {}: {} wordings of {} items in {} ms, swapped in", publication,
                    nextIndex.size(), snapshot.itemCount(), millis);
            events.publishEvent(KnowledgeIndexed.built(publication, snapshot.itemCount(), millis));
        } catch (RuntimeException e) {
            log.error("Could not rebuild the search index for publication {}; citizens keep getting the previous one", publication, e);
            events.publishEvent(KnowledgeIndexed.failed(publication, snapshot.itemCount(), (System.nanoTime() - start) / 1_000_000,
                    e.toString()));
        }
    }

    /** Releases the index of a retriever made with {@link #create} once it is no longer used. */
    public void close() {
        index.close();
    }

    /** The publication the current index was built for. */
    public long builtFor() {
        return builtFor;
    }

    public RetrievalSettings settings() {
        return settings;
    }

    public SearchResult search(Analysis question) {
        List<SearchIndex.Scored> scored = index.search(question, settings.hits());
        // Keys are a bag of words: near-identical names ("A(对X业绩突出的个人…)", "A(对Y业绩突出的机构…)")
        // can score alike. A question that is exactly one wording scores as the best hit and comes
        // first among equals (the sort below is stable).
        String exact = SearchIndex.exactForm(question.text());
        double best = scored.stream().mapToDouble(SearchIndex.Scored::score).max().orElse(0);
        List<SearchIndex.Scored> ordered = new ArrayList<>(scored.size());
        for (SearchIndex.Scored found : scored) {
            if (!exact.isEmpty() && found.wording().exact().equals(exact)) {
                ordered.add(0, new SearchIndex.Scored(found.wording(), best, found.level(), found.shared(), found.questionCoverage(),
                        found.wordingCoverage()));
            } else {
                ordered.add(found);
            }
        }
        Map<String, Candidate> items = new LinkedHashMap<>();
        Map<String, Candidate> faqs = new LinkedHashMap<>();
        for (SearchIndex.Scored s : ordered) {
            SearchIndex.Wording w = s.wording();
            if (w.faqId() != null) {
                faqs.putIfAbsent(w.faqId(), new Candidate(Candidate.Kind.FAQ, w.itemId(), w.faqId(), w.text(), s.score()));
            }
            if (w.itemId() != null) {
                double itemScore = w.faqId() == null ? s.score() : s.score() * FAQ_AS_ITEM_EVIDENCE;
                Candidate current = items.get(w.itemId());
                if (current == null || itemScore > current.score()) {
                    items.put(w.itemId(), new Candidate(Candidate.Kind.ITEM, w.itemId(), w.faqId(), w.text(), itemScore));
                }
            }
        }
        return new SearchResult(sorted(items), sorted(faqs));
    }

    private static List<Candidate> sorted(Map<String, Candidate> candidates) {
        List<Candidate> list = new ArrayList<>(candidates.values());
        list.sort((a, b) -> Double.compare(b.score(), a.score()));
        return List.copyOf(list);
    }

    /** Why the question matched: its keys and the top wordings with the evidence behind each score. */
    public Explanation explain(String text, int top) {
        Analysis question = pipeline.analyze(text);
        List<Explanation.Match> matches = index.search(question, settings.hits()).stream().limit(top)
                .map(s -> new Explanation.Match(s.wording().kind().name(), s.wording().itemId(), s.wording().faqId(),
                        s.wording().text(), round(s.score()), s.level().name(), s.shared(), round(s.questionCoverage()),
                        round(s.wordingCoverage()), s.wording().kind().weight))
                .toList();
        return new Explanation(question.text(), question.topicTerms(), question.cueTerms(), question.charGrams(),
                question.pinyinGrams(), question.intent().name(), round(question.intentProbability()), matches);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
