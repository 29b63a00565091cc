package org.askonce.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.MMapDirectory;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.TextPipeline;
import org.askonce.retrieval.SearchIndex.Level;
import org.askonce.retrieval.SearchIndex.Wording;
import org.askonce.retrieval.SearchIndex.WordingKind;
import org.springframework.util.FileSystemUtils;

/**
 * Builds the {@link SearchIndex} of a knowledge snapshot: decides which texts are wordings (and
 * which get a sentence vector), analyses each into its interned keys per level, and writes the
 * Lucene documents (one per wording, with its keys, ordinal and vector) to a fresh folder.
 */
final class SearchIndexBuilder {

    private SearchIndexBuilder() {
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
            for (String text : Stream.concat(Stream.of(event.name()), event.wordings().stream()).toList()) {
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
        return new Wording(kind, itemId, faqId, text, ids, SearchIndex.exactForm(analysis.text()));
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
                    doc.add(new KnnFloatVectorField(SearchIndex.VECTOR_FIELD, vector, VectorSimilarityFunction.DOT_PRODUCT));
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
}
