package org.askonce.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.askonce.nlp.Analysis;

/**
 * The Lucene index over every wording of the knowledge base (item names, aliases, keywords, FAQ
 * questions and similar questions; one document each) with three fields: words ({@code w}),
 * character bigrams ({@code c}) and pinyin bigrams ({@code p}). Lucene finds the candidates; each is
 * then scored 0..1 by how much of the question it explains and how much of the wording the question
 * covers, weighted by inverse document frequency, at the word, character and pinyin level.
 * Wordings with a sentence vector also have it in the field {@code v} (HNSW, dot product of unit
 * vectors = cosine), for {@link #nearest}: the wordings closest in meaning to a question.
 * {@link SearchIndexBuilder} builds it; {@link QuestionKeys} scores a wording against a question.
 */
final class SearchIndex {

    enum WordingKind {
        NAME(1.0), ALIAS(1.0), KEYWORD(0.72), FAQ_QUESTION(1.0), FAQ_SIMILAR(0.97), EVENT(1.0),
        /** The item's name with its conditions (who may apply, when): for the semantic signal only, it has no lexical keys. */
        GUIDE(1.0);

        final double weight;

        WordingKind(double weight) {
            this.weight = weight;
        }
    }

    enum Level {
        WORD("w", 1.0, 0.5, 1.0), CHAR("c", 0.88, 0.6, 0.4), PINYIN("p", 0.84, 0.6, 0.4);

        final String field;
        /** How much a full match at this level is worth (typo-tolerant levels are worth less). */
        final double factor;
        /** Share of the level's score that comes from covering the wording; the rest from covering the question. */
        final double wordingShare;
        final float boost;

        Level(String field, double factor, double wordingShare, double boost) {
            this.field = field;
            this.factor = factor;
            this.wordingShare = wordingShare;
            this.boost = (float) boost;
        }

        /**
         * The weighted mean of the two coverages. (A geometric mean, harsher on questions that are
         * mostly about something else, lost 2 points of top-1 on the dev set: measured, not used.)
         */
        double combine(double wordingCoverage, double questionCoverage) {
            return wordingShare * wordingCoverage + (1 - wordingShare) * questionCoverage;
        }
    }

    static final double CUE_WEIGHT = 0.3;
    static final int QUERY_KEYS = 6;

    /** One wording of the knowledge base; its keys are ids per level, sorted (see {@link KeyTable}). */
    /** {@code exact}: the wording as analysed, letters and digits only ({@link #exactForm}), to recognise a question that is exactly it. */
    /** {@code eventId}: set (and {@code itemId} null) for a life event's name or wording. */
    record Wording(WordingKind kind, String itemId, String faqId, String text, int[][] keys, String exact, String eventId) {

        Wording(WordingKind kind, String itemId, String faqId, String text, int[][] keys, String exact) {
            this(kind, itemId, faqId, text, keys, exact, null);
        }
    }

    /** Letters and digits only, lower case, of an analysed text: what "exactly the same wording" compares. */
    static String exactForm(String analysedText) {
        StringBuilder sb = new StringBuilder(analysedText.length());
        analysedText.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    record Scored(Wording wording, double score, Level level, List<String> shared, double questionCoverage, double wordingCoverage) {
    }

    private final Wording[] wordings;
    private final KeyTable[] tables;
    private final KeyWeights weights;
    private final LookAlikes lookAlikes;
    private final IndexSearcher searcher;
    private final int withVectors;
    static final String VECTOR_FIELD = "v";

    SearchIndex(Wording[] wordings, KeyTable[] tables, IndexSearcher searcher, int withVectors) {
        this.wordings = wordings;
        this.withVectors = withVectors;
        this.tables = tables;
        this.searcher = searcher;
        this.weights = new KeyWeights(wordings, tables);
        this.lookAlikes = new LookAlikes(wordings, tables[Level.WORD.ordinal()]);
    }

    /** Releases the index (its reader and memory-mapped files); it must not be searched afterwards. */
    void close() {
        try {
            searcher.getIndexReader().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return wordings.length;
    }

    /** How many wordings have a sentence vector. */
    int vectorCount() {
        return withVectors;
    }

    /** What the index knows of a question's topic words (see {@link TopicWords}). */
    TopicWords topicWords(Analysis question) {
        Set<String> cues = Set.copyOf(question.cueTerms());
        KeyTable table = tables[Level.WORD.ordinal()];
        double known = 0;
        double total = 0;
        int unknown = 0;
        int count = 0;
        for (String key : question.terms()) {
            if (cues.contains(key)) {
                continue;
            }
            count++;
            Integer id = table.ids.get(key);
            double weight = id != null ? weights.idf[Level.WORD.ordinal()][id] : weights.unknown();
            total += weight;
            if (id != null) {
                known += weight;
            } else if (key.length() >= 2) {
                unknown++;
            }
        }
        return new TopicWords(total == 0 ? 1 : known / total, unknown, count);
    }

    /**
     * Whether the question names something that looks like the item but is not it (see
     * {@link LookAlikes#looksAlike}): 银行卡 for 市民卡, 行驶证 for 驾驶证, 二手车 for 二手房.
     */
    boolean looksAlike(Analysis question, String itemId) {
        return lookAlikes.looksAlike(question, itemId);
    }

    /** A wording near a question in meaning, with the cosine of their vectors. */
    record Near(Wording wording, double cosine) {
    }

    /** The {@code k} wordings whose vectors are closest to the question's (unit vector), closest first; none without vectors. */
    List<Near> nearest(float[] question, int k) {
        if (withVectors == 0) {
            return List.of();
        }
        try {
            TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR_FIELD, question, k), k);
            ScoreDoc[] hits = top.scoreDocs.clone();
            Map<Integer, Float> scores = new HashMap<>();
            for (ScoreDoc hit : hits) {
                scores.put(hit.doc, hit.score);
            }
            Arrays.sort(hits, (a, b) -> Integer.compare(a.doc, b.doc));
            NumericDocValues ords = ordinals();
            List<Near> near = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                if (ords.advanceExact(hit.doc)) {
                    // Lucene scores a dot product of unit vectors as (1 + cosine) / 2
                    near.add(new Near(wordings[(int) ords.longValue()], 2.0 * scores.get(hit.doc) - 1.0));
                }
            }
            near.sort((a, b) -> Double.compare(b.cosine(), a.cosine()));
            return near;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best-scoring wordings for a question, best first (at most {@code hits} Lucene hits are scored). */
    List<Scored> search(Analysis question, int hits) {
        QuestionKeys q = new QuestionKeys(question, tables, weights);
        List<BooleanClause> should = new ArrayList<>();
        // element cue words (材料, 多久…) are in a great many wordings: they only find candidates
        // when the question has nothing else; they still count in every candidate's score
        boolean topicOnly = q.ids[Level.WORD.ordinal()].length > q.cues.size() || q.typoLevels;
        for (Level level : Level.values()) {
            if (!q.uses(level)) {
                continue;
            }
            KeyTable table = tables[level.ordinal()];
            for (int id : mostInformative(level, q.ids[level.ordinal()])) {
                String key = table.texts.get(id);
                boolean cue = level == Level.WORD && q.cues.contains(key);
                if (cue && topicOnly) {
                    continue;
                }
                float boost = level.boost * (float) (cue ? CUE_WEIGHT : 1.0);
                should.add(new BooleanClause(new BoostQuery(new TermQuery(new Term(level.field, key)), boost), BooleanClause.Occur.SHOULD));
            }
        }
        if (should.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        should.forEach(query::add);
        List<Scored> scored = new ArrayList<>();
        try {
            // count no more hits than we keep, so that Lucene can skip non-competitive documents at once
            ScoreDoc[] top = searcher.search(query.build(), new TopScoreDocCollectorManager(hits, null, hits)).scoreDocs.clone();
            Arrays.sort(top, (a, b) -> Integer.compare(a.doc, b.doc));
            NumericDocValues ords = ordinals();
            for (ScoreDoc hit : top) {
                if (ords.advanceExact(hit.doc)) {
                    int ord = (int) ords.longValue();
                    scored.add(q.score(wordings[ord], weights.wordingTotals[ord]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        return scored;
    }

    /**
     * The keys worth searching for: the {@value #QUERY_KEYS} rarest of a level. Common keys have
     * long posting lists and find nothing the rare ones do not; they still count in every score.
     */
    private int[] mostInformative(Level level, int[] ids) {
        if (ids.length <= QUERY_KEYS) {
            return ids;
        }
        double[] idf = weights.idf[level.ordinal()];
        return Arrays.stream(ids).boxed()
                .sorted((a, b) -> Double.compare(idf[b], idf[a]))
                .limit(QUERY_KEYS).mapToInt(Integer::intValue).toArray();
    }

    private NumericDocValues ordinals() throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        if (leaves.size() != 1) {
            throw new IllegalStateException("The search index must be a single segment, has " + leaves.size());
        }
        NumericDocValues ords = leaves.get(0).reader().getNumericDocValues("ord");
        if (ords == null) {
            throw new IllegalStateException("The search index has no wording ordinals");
        }
        return ords;
    }

}
