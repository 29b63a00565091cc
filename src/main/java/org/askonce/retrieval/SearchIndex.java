package org.askonce.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.TextPipeline;
import org.askonce.nlp.Token;

/**
 * The Lucene index over every wording of the knowledge base (item names, aliases, keywords, FAQ
 * questions and similar questions; one document each) with three fields: words ({@code w}),
 * character bigrams ({@code c}) and pinyin bigrams ({@code p}). Lucene finds the candidates; each is
 * then scored 0..1 by how much of the question it explains and how much of the wording the question
 * covers, weighted by inverse document frequency, at the word, character and pinyin level.
 */
final class SearchIndex {

    enum WordingKind {
        NAME(1.0), ALIAS(1.0), KEYWORD(0.72), FAQ_QUESTION(1.0), FAQ_SIMILAR(0.97);

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

    record Wording(WordingKind kind, String itemId, String faqId, String text, String[][] keys, Set<String> cues) {
    }

    record Scored(Wording wording, double score, Level level, List<String> shared, double questionCoverage, double wordingCoverage) {
    }

    private final Wording[] wordings;
    private final List<Map<String, Integer>> documentFrequency;
    private final double[][] wordingTotals;
    private final IndexSearcher searcher;
    private final int documents;

    private SearchIndex(Wording[] wordings, List<Map<String, Integer>> documentFrequency, IndexSearcher searcher) {
        this.wordings = wordings;
        this.documentFrequency = documentFrequency;
        this.searcher = searcher;
        this.documents = wordings.length;
        this.wordingTotals = new double[wordings.length][Level.values().length];
        for (int i = 0; i < wordings.length; i++) {
            for (Level level : Level.values()) {
                double total = 0;
                for (String key : wordings[i].keys()[level.ordinal()]) {
                    total += weight(level, key, wordings[i].cues());
                }
                wordingTotals[i][level.ordinal()] = total;
            }
        }
    }

    static SearchIndex build(KnowledgeSnapshot snapshot, TextPipeline pipeline) {
        List<Wording> wordings = new ArrayList<>();
        for (ServiceItem item : snapshot.items()) {
            wordings.add(wording(pipeline, WordingKind.NAME, item.id(), null, item.name()));
            for (String alias : item.aliases()) {
                wordings.add(wording(pipeline, WordingKind.ALIAS, item.id(), null, alias));
            }
            for (String keyword : item.keywords()) {
                wordings.add(wording(pipeline, WordingKind.KEYWORD, item.id(), null, keyword));
            }
        }
        for (Faq faq : snapshot.faqs()) {
            wordings.add(wording(pipeline, WordingKind.FAQ_QUESTION, faq.itemId(), faq.id(), faq.question()));
            for (String similar : faq.similar()) {
                wordings.add(wording(pipeline, WordingKind.FAQ_SIMILAR, faq.itemId(), faq.id(), similar));
            }
        }
        return index(wordings);
    }

    private static Wording wording(TextPipeline pipeline, WordingKind kind, String itemId, String faqId, String text) {
        Analysis analysis = pipeline.analyzeForIndex(text);
        String[][] keys = keys(analysis);
        return new Wording(kind, itemId, faqId, text, keys, Set.copyOf(analysis.cueTerms()));
    }

    static String[][] keys(Analysis analysis) {
        return new String[][] {
            analysis.terms().toArray(String[]::new),
            analysis.charGrams().toArray(String[]::new),
            analysis.pinyinGrams().toArray(String[]::new)
        };
    }

    private static SearchIndex index(List<Wording> wordings) {
        List<Map<String, Integer>> df = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer())
                .setRAMBufferSizeMB(64))) {
            for (int ord = 0; ord < wordings.size(); ord++) {
                Wording wording = wordings.get(ord);
                Document doc = new Document();
                for (Level level : Level.values()) {
                    String[] keys = wording.keys()[level.ordinal()];
                    doc.add(new TextField(level.field, String.join(" ", keys), Field.Store.NO));
                    for (String key : keys) {
                        df.get(level.ordinal()).merge(key, 1, Integer::sum);
                    }
                }
                doc.add(new NumericDocValuesField("ord", ord));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            return new SearchIndex(wordings.toArray(Wording[]::new), df, searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return documents;
    }

    double idf(Level level, String key) {
        int df = documentFrequency.get(level.ordinal()).getOrDefault(key, 0);
        return Math.log(1 + (documents + 1.0) / (df + 0.5));
    }

    private double weight(Level level, String key, Set<String> cues) {
        return idf(level, key) * (level == Level.WORD && cues.contains(key) ? CUE_WEIGHT : 1.0);
    }

    /** The best-scoring wordings for a question, best first (at most {@code hits} Lucene hits are scored). */
    List<Scored> search(Analysis question, int hits) {
        String[][] keys = keys(question);
        Set<String> cues = Set.copyOf(question.cueTerms());
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int clauses = 0;
        for (Level level : Level.values()) {
            for (String key : keys[level.ordinal()]) {
                float boost = level.boost * (float) (level == Level.WORD && cues.contains(key) ? CUE_WEIGHT : 1.0);
                query.add(new BoostQuery(new TermQuery(new Term(level.field, key)), boost), BooleanClause.Occur.SHOULD);
                if (++clauses >= IndexSearcher.getMaxClauseCount()) {
                    break;
                }
            }
        }
        if (clauses == 0) {
            return List.of();
        }
        List<Scored> scored = new ArrayList<>();
        try {
            TopDocs top = searcher.search(query.build(), hits);
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (ScoreDoc hit : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
                NumericDocValues ords = leaf.reader().getNumericDocValues("ord");
                if (ords != null && ords.advanceExact(hit.doc - leaf.docBase)) {
                    scored.add(score(wordings[(int) ords.longValue()], (int) ords.longValue(), keys, cues));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scored.sort((a, b) -> Double.compare(b.score(), a.score()));
        return scored;
    }

    /** Scores one wording against the question keys; also used to explain a match. */
    Scored score(Wording wording, int ord, String[][] questionKeys, Set<String> questionCues) {
        Scored best = null;
        boolean typoLevels = hasUnknownWord(questionKeys[Level.WORD.ordinal()], questionCues);
        for (Level level : Level.values()) {
            String[] q = questionKeys[level.ordinal()];
            if (q.length == 0 || (level != Level.WORD && !typoLevels)) {
                continue;
            }
            Set<String> wordingKeys = new HashSet<>(List.of(wording.keys()[level.ordinal()]));
            double questionTotal = 0;
            double shared = 0;
            List<String> sharedKeys = new ArrayList<>();
            for (String key : q) {
                double w = weight(level, key, questionCues);
                questionTotal += w;
                if (wordingKeys.contains(key)) {
                    shared += w;
                    sharedKeys.add(key);
                }
            }
            double wordingTotal = wordingTotals[ord][level.ordinal()];
            if (questionTotal == 0 || wordingTotal == 0) {
                continue;
            }
            double questionCoverage = shared / questionTotal;
            double wordingCoverage = Math.min(1.0, shared / wordingTotal);
            double score = level.combine(wordingCoverage, questionCoverage) * level.factor * wording.kind().weight;
            if (best == null || score > best.score()) {
                best = new Scored(wording, score, level, sharedKeys, questionCoverage, wordingCoverage);
            }
        }
        return best == null ? new Scored(wording, 0, Level.WORD, List.of(), 0, 0) : best;
    }

    /**
     * The character and pinyin levels are for words the index does not know (typos, unseen
     * compounds, single characters); when every topic word of the question is known, the word level alone decides,
     * so that a stray shared character cannot outvote the words.
     */
    private boolean hasUnknownWord(String[] words, Set<String> cues) {
        for (String word : words) {
            // a single character is usually a piece of a word the segmenter could not find (刻/章, 犬/正)
            if (!cues.contains(word) && (word.length() == 1 || !documentFrequency.get(Level.WORD.ordinal()).containsKey(word))) {
                return true;
            }
        }
        return false;
    }

    Scored score(int ord, Analysis question) {
        return score(wordings[ord], ord, keys(question), Set.copyOf(question.cueTerms()));
    }
}
