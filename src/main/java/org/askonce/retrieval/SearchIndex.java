package org.askonce.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.TextPipeline;
import org.springframework.util.FileSystemUtils;

/**
 * The Lucene index over every wording of the knowledge base (item names, aliases, keywords, FAQ
 * questions and similar questions; one document each) with three fields: words ({@code w}),
 * character bigrams ({@code c}) and pinyin bigrams ({@code p}). Lucene finds the candidates; each is
 * then scored 0..1 by how much of the question it explains and how much of the wording the question
 * covers, weighted by inverse document frequency, at the word, character and pinyin level.
 * Wordings with a sentence vector also have it in the field {@code v} (HNSW, dot product of unit
 * vectors = cosine), for {@link #nearest}: the wordings closest in meaning to a question.
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

    /** Interned keys of one level: id ↔ text, document frequency, and whether a word is an element cue. */
    private static final class KeyTable {
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> texts = new ArrayList<>();
        int[] documentFrequency = new int[64];
        boolean[] cue = new boolean[64];

        int id(String key) {
            Integer id = ids.get(key);
            if (id == null) {
                id = texts.size();
                ids.put(key, id);
                texts.add(key);
                if (id >= documentFrequency.length) {
                    documentFrequency = Arrays.copyOf(documentFrequency, id * 2);
                    cue = Arrays.copyOf(cue, id * 2);
                }
            }
            return id;
        }
    }

    private final Wording[] wordings;
    /** Per item: the words of all its wordings, and of its name and aliases (for {@link #looksAlike}). */
    private final Map<String, Set<String>> itemTerms = new HashMap<>();
    private final Map<String, Set<String>> nameTerms = new HashMap<>();
    private final KeyTable[] tables;
    private final double[][] idf;
    private final double[][] wordingTotals;
    private final IndexSearcher searcher;
    private final int withVectors;
    static final String VECTOR_FIELD = "v";

    private SearchIndex(Wording[] wordings, KeyTable[] tables, IndexSearcher searcher, int withVectors) {
        this.wordings = wordings;
        this.withVectors = withVectors;
        this.tables = tables;
        this.searcher = searcher;
        int n = wordings.length;
        this.idf = new double[Level.values().length][];
        for (Level level : Level.values()) {
            KeyTable table = tables[level.ordinal()];
            double[] values = new double[table.texts.size()];
            for (int id = 0; id < values.length; id++) {
                values[id] = idf(n, table.documentFrequency[id]) * (level == Level.WORD && table.cue[id] ? CUE_WEIGHT : 1.0);
            }
            idf[level.ordinal()] = values;
        }
        KeyTable words = tables[Level.WORD.ordinal()];
        for (Wording w : wordings) {
            if (w.itemId() == null) {
                continue;
            }
            for (int id : w.keys()[Level.WORD.ordinal()]) {
                String term = words.texts.get(id);
                itemTerms.computeIfAbsent(w.itemId(), k -> new java.util.HashSet<>()).add(term);
                if (w.kind() == WordingKind.NAME || w.kind() == WordingKind.ALIAS) {
                    nameTerms.computeIfAbsent(w.itemId(), k -> new java.util.HashSet<>()).add(term);
                }
            }
        }
        this.wordingTotals = new double[n][Level.values().length];
        for (int i = 0; i < n; i++) {
            for (Level level : Level.values()) {
                double total = 0;
                for (int id : wordings[i].keys()[level.ordinal()]) {
                    total += idf[level.ordinal()][id];
                }
                wordingTotals[i][level.ordinal()] = total;
            }
        }
    }

    private static double idf(int documents, int documentFrequency) {
        return Math.log(1 + (documents + 1.0) / (documentFrequency + 0.5));
    }

    /** Characters of an item's conditions that go into its guide wording (the model reads 512 tokens at most). */
    static final int GUIDE_CONDITIONS = 160;

    /**
     * An item's name, its department and the start of its conditions, or null when it gives no
     * conditions: what a situation is compared with ("我开了个小装修队想接公家的工程" with a
     * 住房和城乡建设 item's conditions on contractors).
     */
    static String guide(ServiceItem item) {
        if (ServiceItem.isGap(item.conditions())) {
            return null;
        }
        String conditions = item.conditions().strip().replaceAll("\\s+", " ");
        return item.name() + "（" + item.department() + "）：" + (conditions.length() > GUIDE_CONDITIONS ? conditions.substring(0, GUIDE_CONDITIONS) : conditions);
    }

    /** The texts that get a sentence vector: names, aliases, guides, FAQ questions and similar questions. */
    static List<String> embeddedTexts(KnowledgeSnapshot snapshot) {
        List<String> texts = new ArrayList<>();
        for (ServiceItem item : snapshot.items()) {
            texts.add(item.name());
            texts.addAll(item.aliases());
            String guide = guide(item);
            if (guide != null) {
                texts.add(guide);
            }
        }
        for (Faq faq : snapshot.faqs()) {
            texts.add(faq.question());
            texts.addAll(faq.similar());
        }
        for (LifeEvent event : snapshot.events()) {
            texts.add(event.name());
            texts.addAll(event.wordings());
        }
        return texts;
    }

    /**
     * Builds the index of a knowledge base in a new folder under {@code directory} (memory-mapped;
     * older folders there are removed), or in a temporary folder when {@code directory} is null, with
     * the vectors of the wordings that have one (text → unit vector; null: none).
     */
    static SearchIndex build(KnowledgeSnapshot snapshot, TextPipeline pipeline, Path directory, Map<String, float[]> vectors) {
        KeyTable[] tables = {new KeyTable(), new KeyTable(), new KeyTable()};
        List<Wording> wordings = new ArrayList<>();
        for (ServiceItem item : snapshot.items()) {
            wordings.add(wording(pipeline, tables, WordingKind.NAME, item.id(), null, item.name()));
            for (String alias : item.aliases()) {
                wordings.add(wording(pipeline, tables, WordingKind.ALIAS, item.id(), null, alias));
            }
            for (String keyword : item.keywords()) {
                wordings.add(wording(pipeline, tables, WordingKind.KEYWORD, item.id(), null, keyword));
            }
            String guide = guide(item);
            if (guide != null && vectors != null && vectors.containsKey(guide)) {
                wordings.add(new Wording(WordingKind.GUIDE, item.id(), null, guide, new int[][] {{}, {}, {}}, ""));
            }
        }
        for (Faq faq : snapshot.faqs()) {
            wordings.add(wording(pipeline, tables, WordingKind.FAQ_QUESTION, faq.itemId(), faq.id(), faq.question()));
            for (String similar : faq.similar()) {
                wordings.add(wording(pipeline, tables, WordingKind.FAQ_SIMILAR, faq.itemId(), faq.id(), similar));
            }
        }
        for (LifeEvent event : snapshot.events()) {
            for (String text : java.util.stream.Stream.concat(java.util.stream.Stream.of(event.name()), event.wordings().stream()).toList()) {
                Wording w = wording(pipeline, tables, WordingKind.EVENT, null, null, text);
                wordings.add(new Wording(w.kind(), null, null, w.text(), w.keys(), w.exact(), event.id()));
            }
        }
        return index(wordings, tables, directory, vectors == null ? Map.of() : vectors);
    }

    private static Wording wording(TextPipeline pipeline, KeyTable[] tables, WordingKind kind, String itemId, String faqId, String text) {
        Analysis analysis = pipeline.analyzeForIndex(text);
        String[][] keys = keys(analysis);
        Set<String> cues = Set.copyOf(analysis.cueTerms());
        int[][] ids = new int[keys.length][];
        for (Level level : Level.values()) {
            KeyTable table = tables[level.ordinal()];
            int[] levelIds = new int[keys[level.ordinal()].length];
            for (int i = 0; i < levelIds.length; i++) {
                String key = keys[level.ordinal()][i];
                levelIds[i] = table.id(key);
                table.documentFrequency[levelIds[i]]++;
                if (level == Level.WORD && cues.contains(key)) {
                    table.cue[levelIds[i]] = true;
                }
            }
            Arrays.sort(levelIds);
            ids[level.ordinal()] = levelIds;
        }
        return new Wording(kind, itemId, faqId, text, ids, exactForm(analysis.text()));
    }

    static String[][] keys(Analysis analysis) {
        return new String[][] {
            analysis.terms().toArray(String[]::new),
            analysis.charGrams().toArray(String[]::new),
            analysis.pinyinGrams().toArray(String[]::new)
        };
    }

    private static SearchIndex index(List<Wording> wordings, KeyTable[] tables, Path parent, Map<String, float[]> vectors) {
        Directory directory;
        try {
            directory = new MMapDirectory(newFolder(parent));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int withVectors = 0;
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer())
                .setRAMBufferSizeMB(64))) {
            for (int ord = 0; ord < wordings.size(); ord++) {
                Wording wording = wordings.get(ord);
                Document doc = new Document();
                for (Level level : Level.values()) {
                    StringBuilder text = new StringBuilder();
                    for (int id : wording.keys()[level.ordinal()]) {
                        text.append(tables[level.ordinal()].texts.get(id)).append(' ');
                    }
                    doc.add(new TextField(level.field, text.toString(), Field.Store.NO));
                }
                doc.add(new NumericDocValuesField("ord", ord));
                float[] vector = wording.kind() == WordingKind.KEYWORD ? null : vectors.get(wording.text());
                if (vector != null) {
                    doc.add(new KnnFloatVectorField(VECTOR_FIELD, vector, VectorSimilarityFunction.DOT_PRODUCT));
                    withVectors++;
                }
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            searcher.setQueryCache(null); // every question is new: caching only costs bookkeeping
            return new SearchIndex(wordings.toArray(Wording[]::new), tables, searcher, withVectors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases the index (its reader and memory-mapped files); it must not be searched afterwards. */
    void close() {
        try {
            searcher.getIndexReader().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path newFolder(Path parent) throws IOException {
        if (parent == null) {
            Path temporary = Files.createTempDirectory("askonce-index");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(temporary.toFile())));
            return temporary;
        }
        Files.createDirectories(parent);
        try (Stream<Path> old = Files.list(parent)) {
            old.filter(p -> p.getFileName().toString().startsWith("index-")).forEach(p -> FileSystemUtils.deleteRecursively(p.toFile()));
        }
        return Files.createDirectory(parent.resolve("index-" + System.currentTimeMillis()));
    }

    int size() {
        return wordings.length;
    }

    /** How many wordings have a sentence vector. */
    int vectorCount() {
        return withVectors;
    }

    /**
     * How much of the question's topic the index knows: the weight of its topic words that some
     * wording has, over the weight of all its topic words (unknown words weigh the most). 1 when the
     * question has no topic words. "招商银行信用卡丢了" knows little of its topic; "社保卡丢了" all of it.
     */
    double knownTopicShare(Analysis question) {
        Set<String> cues = Set.copyOf(question.cueTerms());
        KeyTable table = tables[Level.WORD.ordinal()];
        double known = 0;
        double total = 0;
        for (String key : question.terms()) {
            if (cues.contains(key)) {
                continue;
            }
            Integer id = table.ids.get(key);
            double weight = id != null ? idf[Level.WORD.ordinal()][id] : idf(wordings.length, 0);
            total += weight;
            if (id != null) {
                known += weight;
            }
        }
        return total == 0 ? 1 : known / total;
    }

    /**
     * Whether the question names something that looks like the item but is not it: a topic word that
     * none of the item's wordings has, yet shares its last character or its first two with a word of
     * the item's name or aliases — 银行卡 for 市民卡, 行驶证 for 驾驶证, 二手车 for 二手房. A bank's card,
     * another document, a commercial service that shares words with an item.
     */
    boolean looksAlike(Analysis question, String itemId) {
        Set<String> own = itemTerms.get(itemId);
        Set<String> names = nameTerms.get(itemId);
        if (own == null || names == null) {
            return false;
        }
        Set<String> cues = Set.copyOf(question.cueTerms());
        for (String t : question.topicTerms()) {
            if (t.length() < 2 || cues.contains(t) || own.contains(t)) {
                continue;
            }
            for (String u : names) {
                if (u.length() >= 2 && !u.equals(t) && !u.contains(t) && !t.contains(u)
                        && (u.charAt(u.length() - 1) == t.charAt(t.length() - 1) || u.startsWith(t.substring(0, 2)))) {
                    return true;
                }
            }
        }
        return false;
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

    /** The question's keys per level: known ones as sorted ids with their weights, and each level's total weight. */
    private final class QuestionKeys {
        final String[][] texts;
        final Set<String> cues;
        final boolean typoLevels;
        final int[][] ids = new int[Level.values().length][];
        final double[][] weights = new double[Level.values().length][];
        final double[] totals = new double[Level.values().length];

        QuestionKeys(Analysis question) {
            this.texts = keys(question);
            this.cues = Set.copyOf(question.cueTerms());
            boolean unknown = false;
            for (Level level : Level.values()) {
                int l = level.ordinal();
                KeyTable table = tables[l];
                int[] known = new int[texts[l].length];
                int count = 0;
                for (String key : texts[l]) {
                    Integer id = table.ids.get(key);
                    boolean cue = level == Level.WORD && cues.contains(key);
                    // a known key weighs what it weighs in the wordings (cue words less); an unknown one, the most
                    totals[l] += id != null ? idf[l][id] : idf(wordings.length, 0) * (cue ? CUE_WEIGHT : 1.0);
                    if (id != null) {
                        known[count++] = id;
                    }
                    // a word the index does not know, or a lone character (刻/章, 犬/正), opens the typo levels
                    if (level == Level.WORD && !cue && (id == null || key.length() == 1)) {
                        unknown = true;
                    }
                }
                ids[l] = Arrays.copyOf(known, count);
                Arrays.sort(ids[l]);
                weights[l] = new double[count];
                for (int i = 0; i < count; i++) {
                    weights[l][i] = idf[l][ids[l][i]];
                }
            }
            this.typoLevels = unknown;
        }

        /**
         * The character and pinyin levels are for words the index does not know (typos, unseen
         * compounds, lone characters); when every topic word of the question is known, the word
         * level alone decides, so that a stray shared character cannot outvote the words.
         */
        boolean uses(Level level) {
            return level == Level.WORD || typoLevels;
        }
    }

    /** The best-scoring wordings for a question, best first (at most {@code hits} Lucene hits are scored). */
    List<Scored> search(Analysis question, int hits) {
        QuestionKeys q = new QuestionKeys(question);
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
                    scored.add(score(ord, q));
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
        double[] weights = idf[level.ordinal()];
        return Arrays.stream(ids).boxed()
                .sorted((a, b) -> Double.compare(weights[b], weights[a]))
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

    /** Scores one wording against the question (both keys sorted: one merge per level). */
    private Scored score(int ord, QuestionKeys q) {
        Wording wording = wordings[ord];
        Scored best = null;
        for (Level level : Level.values()) {
            int l = level.ordinal();
            double questionTotal = q.totals[l];
            double wordingTotal = wordingTotals[ord][l];
            if (!q.uses(level) || questionTotal == 0 || wordingTotal == 0) {
                continue;
            }
            int[] a = q.ids[l];
            int[] b = wording.keys()[l];
            double shared = 0;
            List<String> sharedKeys = null;
            for (int i = 0, j = 0; i < a.length && j < b.length; ) {
                if (a[i] < b[j]) {
                    i++;
                } else if (a[i] > b[j]) {
                    j++;
                } else {
                    shared += q.weights[l][i];
                    if (sharedKeys == null) {
                        sharedKeys = new ArrayList<>(4);
                    }
                    sharedKeys.add(tables[l].texts.get(a[i]));
                    i++;
                    j++;
                }
            }
            if (sharedKeys == null) {
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
}
