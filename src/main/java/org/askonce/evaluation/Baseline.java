package org.askonce.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.askonce.dialogue.Action;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;

/**
 * The baseline the figures are compared with: plain Lucene, SmartChineseAnalyzer, BM25, over item
 * names and FAQ questions; it answers with the item of the top hit whenever there is one, and
 * knows nothing of follow-ups.
 */
final class Baseline {

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final IndexSearcher searcher;

    Baseline(KnowledgeSnapshot kb) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (ServiceItem item : kb.items()) {
                writer.addDocument(doc(item.name(), item.name()));
            }
            for (Faq faq : kb.faqs()) {
                String itemName = faq.itemId() == null ? "" : kb.item(faq.itemId()).map(ServiceItem::name).orElse("");
                writer.addDocument(doc(faq.question(), itemName));
            }
            writer.commit();
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document doc(String text, String itemName) {
        Document doc = new Document();
        doc.add(new TextField("text", text, Field.Store.NO));
        doc.add(new StoredField("item", itemName));
        return doc;
    }

    Outcome run(EvalRow row) {
        try {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            try (TokenStream ts = analyzer.tokenStream("text", row.question())) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    query.add(new TermQuery(new Term("text", term.toString())), BooleanClause.Occur.SHOULD);
                }
                ts.end();
            }
            TopDocs top = searcher.search(query.build(), 1);
            if (top.scoreDocs.length == 0) {
                return new Outcome(row, Action.UNKNOWN, null, null, List.of(), 0, false);
            }
            String item = searcher.storedFields().document(top.scoreDocs[0].doc).get("item");
            if (item == null || item.isEmpty()) {
                return new Outcome(row, Action.ANSWER, null, null, new ArrayList<>(), top.scoreDocs[0].score, false);
            }
            return new Outcome(row, Action.ANSWER, item, null, List.of(), top.scoreDocs[0].score, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
