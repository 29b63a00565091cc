package org.askonce.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.TextPipeline;

/**
 * Everything that answers questions about one publication of the knowledge base, built together by
 * {@link AnswerModels} and replaced as a whole: the snapshot, the text pipeline (its dictionary and
 * lexicon), the lexical index, the sentence vectors of the wordings (absent while they are being
 * computed, or when AskOnce runs lexical-only), and the fusion of the two signals with its thresholds.
 * Immutable; safe to use from many threads.
 */
public final class AnswerModel {

    /** Nearest wordings looked at per question. */
    static final int NEAREST = 64;
    /** Items the semantic signal alone adds to the lexical candidates. */
    static final int SEMANTIC_CANDIDATES = 8;

    private final long publication;
    private final KnowledgeSnapshot snapshot;
    private final TextPipeline pipeline;
    private final SearchIndex index;
    private final QueryVectors queries;
    private final Fusion fusion;
    private final RetrievalSettings settings;

    AnswerModel(long publication, KnowledgeSnapshot snapshot, TextPipeline pipeline, SearchIndex index, QueryVectors queries,
                Fusion fusion, RetrievalSettings settings) {
        this.publication = publication;
        this.snapshot = snapshot;
        this.pipeline = pipeline;
        this.index = index;
        this.queries = index.vectorCount() > 0 ? queries : null;
        this.fusion = fusion;
        this.settings = settings;
    }

    public long publication() {
        return publication;
    }

    public KnowledgeSnapshot snapshot() {
        return snapshot;
    }

    public TextPipeline pipeline() {
        return pipeline;
    }

    public Analysis analyze(String text) {
        return pipeline.analyze(text);
    }

    /** Whether the semantic signal is there (the wordings' vectors are in the index). */
    public boolean semantic() {
        return queries != null;
    }

    public Fusion fusion() {
        return fusion;
    }

    /** At or above: the bot answers (the fused threshold, or the lexical one without vectors). */
    public double answerThreshold() {
        return semantic() ? settings.answerThreshold() : settings.lexicalAnswerThreshold();
    }

    /** At or above: the bot offers a menu. */
    public double suggestThreshold() {
        return semantic() ? settings.suggestThreshold() : settings.lexicalSuggestThreshold();
    }

    /** At or above, below the suggest threshold: an unsure question still gets a menu (the suggest threshold without vectors). */
    public double menuThreshold() {
        return semantic() ? settings.menuThreshold() : settings.lexicalSuggestThreshold();
    }

    public RetrievalSettings settings() {
        return settings;
    }

    /** The same model with other thresholds (for calibration sweeps); the index is shared, not copied. */
    public AnswerModel with(RetrievalSettings other) {
        return new AnswerModel(publication, snapshot, pipeline, index, other.semantic() ? queries : null, fusion, other);
    }

    int wordings() {
        return index.size();
    }

    int vectors() {
        return index.vectorCount();
    }

    void close() {
        index.close();
    }

    /**
     * The candidates for a question: items by both signals fused (lexical alone without vectors), FAQs
     * lexical. A question the words alone match with certainty — its first item at least
     * {@value #LEXICAL_CERTAIN}, ahead of the next by {@value #LEXICAL_CLEAR} — skips the model: its
     * lexical scores stand (at or above the answer threshold, and clear of any tie).
     */
    public SearchResult search(Analysis question) {
        SearchResult lexical = lexical(question);
        if (!semantic() || question.text().isBlank() || lexicallyCertain(lexical)) {
            return lexical;
        }
        List<Scored> scored = fused(question, lexical);
        List<Candidate> items = scored.stream().map(Scored::candidate).toList();
        return new SearchResult(items, lexical.faqs(), events(question, lexical.events()));
    }

    /** A life event's wording this close in meaning counts as fully matched ({@link #eventScore}). */
    static final double EVENT_COSINE_FULL = 0.85;
    /** ... and this close as not at all. */
    static final double EVENT_COSINE_NONE = 0.65;

    /**
     * The life events of a question with both signals: each event's score is the better of its
     * lexical score and its closest wording's cosine, mapped from {@value #EVENT_COSINE_NONE}..
     * {@value #EVENT_COSINE_FULL} to 0..1. Whether the question is about the event or about one of its
     * items is the dialogue's decision, which compares this score with the first item's.
     */
    private List<Candidate> events(Analysis question, List<Candidate> lexical) {
        Map<String, Candidate> byId = new LinkedHashMap<>();
        lexical.forEach(c -> byId.put(c.itemId(), c));
        for (SearchIndex.Near n : index.nearest(queries.of(question.text()), NEAREST)) {
            String id = n.wording().eventId();
            if (id == null) {
                continue;
            }
            Candidate lex = byId.get(id);
            double l = lex == null ? 0 : lex.lexical();
            if (lex != null && lex.semantic() > 0) {
                continue; // this event's closest wording has been seen
            }
            double score = Math.max(l, eventScore(n.cosine()));
            byId.put(id, new Candidate(Candidate.Kind.EVENT, id, null, lex == null || score > l ? n.wording().text() : lex.matched(), score, l,
                    n.cosine()));
        }
        return LexicalRanking.bestFirst(byId);
    }

    static double eventScore(double cosine) {
        return Math.max(0, Math.min(1, (cosine - EVENT_COSINE_NONE) / (EVENT_COSINE_FULL - EVENT_COSINE_NONE)));
    }

    /** The lexical score from which the words alone are certain (and the model is not asked). */
    static final double LEXICAL_CERTAIN = 0.85;
    /** ... when the next item is this far behind. */
    static final double LEXICAL_CLEAR = 0.2;

    /** Whether the words alone are certain of the first item (see {@link #search}). */
    public boolean lexicallyCertain(SearchResult lexical) {
        List<Candidate> items = lexical.items();
        return !items.isEmpty() && items.get(0).score() >= LEXICAL_CERTAIN
                && (items.size() < 2 || items.get(0).score() - items.get(1).score() >= LEXICAL_CLEAR)
                && LEXICAL_CERTAIN >= settings.answerThreshold();
    }

    /** A candidate item with what the fusion knew of it. */
    public record Scored(Candidate candidate, Fusion.ItemFeatures features) {
    }

    /** The candidate items of a question before fusion: both signals of each, and how much of the question the index knows. */
    public record Candidates(List<Candidate> items, List<Fusion.ItemFeatures> features, TopicWords topic, double outOfScope,
                             boolean longText, java.util.function.Predicate<String> looksAlike) {

        public boolean isEmpty() {
            return items.isEmpty();
        }

        /** How likely each candidate is the item meant, under a fusion's which-item weights. */
        double[] probabilities(Fusion fusion) {
            double[] p = new double[items.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = fusion.itemProbability(features.get(i));
            }
            return p;
        }

        /** The candidate a fusion puts first (the first of equals). */
        public int first(Fusion fusion) {
            return first(probabilities(fusion));
        }

        private static int first(double[] p) {
            int first = 0;
            for (int i = 1; i < p.length; i++) {
                if (p[i] > p[first]) {
                    first = i;
                }
            }
            return first;
        }

        /** The question's features under a fusion: of the candidate it puts first. */
        public Fusion.QuestionFeatures questionFeatures(Fusion fusion) {
            return questionFeatures(probabilities(fusion));
        }

        private Fusion.QuestionFeatures questionFeatures(double[] p) {
            int first = first(p);
            double sum = java.util.Arrays.stream(p).sum();
            Fusion.ItemFeatures f = features.get(first);
            return new Fusion.QuestionFeatures(sum == 0 ? 0 : p[first] / sum, f.lexical(), f.semantic(), f.lexicalGap(),
                    f.semanticGap(), f.lexicalFirst() && f.semanticFirst(), topic.knownShare(), outOfScope, longText,
                    looksAlike.test(items.get(first).itemId()), topic.unknown(), topic.count());
        }
    }

    /** The fused candidates with their features, best first (for explaining); empty without vectors. */
    public List<Scored> fused(Analysis question) {
        if (!semantic() || question.text().isBlank()) {
            return List.of();
        }
        return fused(question, lexical(question));
    }

    private List<Scored> fused(Analysis question, SearchResult lexical) {
        Candidates c = candidates(question, lexical);
        if (c.isEmpty()) {
            return List.of();
        }
        double[] p = c.probabilities(fusion);
        double trust = fusion.questionProbability(c.questionFeatures(p));
        double best = p[Candidates.first(p)];
        List<Scored> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            Candidate k = c.items().get(i);
            double score = best == 0 ? 0 : trust * p[i] / best;
            out.add(new Scored(new Candidate(Candidate.Kind.ITEM, k.itemId(), k.faqId(), k.matched(), score, k.lexical(), k.semantic()),
                    c.features().get(i)));
        }
        out.sort((a, b) -> Double.compare(b.candidate().score(), a.candidate().score()));
        return out;
    }

    /** The candidate items of a question with both signals, before fusion (for fitting the fusion); empty without vectors. */
    public Candidates candidates(Analysis question) {
        if (!semantic() || question.text().isBlank()) {
            return new Candidates(List.of(), List.of(), new TopicWords(1, 0, 0), 0, false, id -> false);
        }
        return candidates(question, lexical(question));
    }

    private Candidates candidates(Analysis question, SearchResult lexical) {
        List<Candidate> semantic = semanticItems(question);
        double floor = semantic.isEmpty() ? 0 : semantic.get(semantic.size() - 1).semantic();
        Map<String, Candidate> lexById = new LinkedHashMap<>();
        lexical.items().forEach(c -> lexById.put(c.itemId(), c));
        Map<String, Candidate> semById = new LinkedHashMap<>();
        semantic.forEach(c -> semById.put(c.itemId(), c));
        List<String> ids = new ArrayList<>(lexById.keySet());
        semantic.stream().limit(SEMANTIC_CANDIDATES).map(Candidate::itemId).filter(id -> !lexById.containsKey(id)).forEach(ids::add);
        String lexFirst = lexical.items().isEmpty() ? null : lexical.items().get(0).itemId();
        String semFirst = semantic.isEmpty() ? null : semantic.get(0).itemId();
        List<Candidate> items = new ArrayList<>(ids.size());
        List<Fusion.ItemFeatures> features = new ArrayList<>(ids.size());
        for (String id : ids) {
            Candidate lex = lexById.get(id);
            Candidate sem = semById.get(id);
            double l = lex == null ? 0 : lex.score();
            double s = sem == null ? floor : sem.semantic();
            // both lists are best first: the best other item is the first, or the second for the first itself
            double bestOtherLex = bestOther(lexical.items(), id, Candidate::score, 0);
            double bestOtherSem = bestOther(semantic, id, Candidate::semantic, floor);
            features.add(new Fusion.ItemFeatures(l, s, l - bestOtherLex, s - bestOtherSem, id.equals(lexFirst), id.equals(semFirst)));
            items.add(new Candidate(Candidate.Kind.ITEM, id, lex == null ? null : lex.faqId(), lex != null ? lex.matched() : sem.matched(),
                    0, l, s));
        }
        return new Candidates(items, features, index.topicWords(question), question.outOfScopeProbability(),
                !question.question().equals(question.text()), id -> index.looksAlike(question, id));
    }

    private static double bestOther(List<Candidate> bestFirst, String id, java.util.function.ToDoubleFunction<Candidate> score,
                                    double none) {
        for (int i = 0; i < Math.min(2, bestFirst.size()); i++) {
            if (!bestFirst.get(i).itemId().equals(id)) {
                return score.applyAsDouble(bestFirst.get(i));
            }
        }
        return none;
    }

    /** Items ranked by the semantic signal alone: each item's closest wording (its FAQs' included), closest first. */
    public List<Candidate> semanticItems(Analysis question) {
        if (!semantic() || question.text().isBlank()) {
            return List.of();
        }
        List<SearchIndex.Near> near = index.nearest(queries.of(question.text()), NEAREST);
        Map<String, Candidate> items = new LinkedHashMap<>();
        for (SearchIndex.Near n : near) {
            SearchIndex.Wording w = n.wording();
            if (w.itemId() != null && !items.containsKey(w.itemId())) {
                items.put(w.itemId(), new Candidate(Candidate.Kind.ITEM, w.itemId(), w.faqId(), w.text(), n.cosine(), 0, n.cosine()));
            }
        }
        return List.copyOf(items.values());
    }

    /** The lexical engine alone: items and FAQs scored by shared words, characters and pinyin. */
    public SearchResult lexical(Analysis question) {
        return LexicalRanking.rank(index, question, settings.hits());
    }

    /** Why the question matched: its keys, the top lexical wordings with their evidence, and the fused items with both signals. */
    public Explanation explain(String text, int top) {
        return MatchExplainer.explain(this, index, text, top);
    }

    @Override
    public String toString() {
        return "AnswerModel[publication " + publication + ", " + index.size() + " wordings, " + index.vectorCount() + " vectors, "
                + (semantic() ? "semantic+lexical" : "lexical only") + "]";
    }
}