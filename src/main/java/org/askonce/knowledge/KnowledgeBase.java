package org.askonce.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The knowledge base: the one structured source every channel answers from. The database is the
 * live store; on first start with an empty database it is loaded from the knowledge-base folder
 * (validated as a whole first, stored in one transaction).
 */
@Service
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private volatile KnowledgeSnapshot snapshot;

    private KnowledgeBase(KnowledgeSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** A fixed, read-only knowledge base not backed by a database (evaluation, benchmarks). */
    public static KnowledgeBase of(KnowledgeSnapshot snapshot) {
        return new KnowledgeBase(snapshot);
    }

    @Autowired
    KnowledgeBase(KnowledgeRepository repository, KnowledgeSettings settings) {
        long start = System.nanoTime();
        if (repository.isEmpty()) {
            KnowledgeSnapshot fromFiles = KnowledgeFolder.read(settings.knowledgeBase());
            repository.insertAll(fromFiles);
            log.info("Knowledge base loaded from {} into an empty database: {} items, {} FAQs, {} lexicon groups",
                    settings.knowledgeBase().toAbsolutePath().normalize(), fromFiles.itemCount(), fromFiles.faqCount(),
                    fromFiles.lexicon().synonyms().size());
        }
        this.snapshot = repository.load();
        log.info("Knowledge base ready: {} items, {} FAQs in {} ms", snapshot.itemCount(), snapshot.faqCount(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The published knowledge base as one immutable snapshot. */
    public KnowledgeSnapshot snapshot() {
        return snapshot;
    }
}
