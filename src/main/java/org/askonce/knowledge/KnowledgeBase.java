package org.askonce.knowledge;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.askonce.knowledge.store.KnowledgeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The knowledge base: the one structured source every channel answers from. The database is the
 * live store; on first start with an empty database it is loaded from the knowledge-base folder
 * (validated as a whole first, stored in one transaction). The folder may be empty: a new deployment
 * then starts with no items and imports its catalogue ({@link org.askonce.knowledge.transfer.KnowledgeTransfer}).
 */
@Service
public class KnowledgeBase {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private volatile KnowledgeSnapshot snapshot;
    private final KnowledgeRepository repository;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Duration poll;
    private volatile long publication;
    private ScheduledExecutorService poller;

    private KnowledgeBase(KnowledgeSnapshot snapshot) {
        this.snapshot = snapshot;
        this.repository = null;
        this.events = null;
        this.jdbc = null;
        this.poll = null;
    }

    /** A fixed, read-only knowledge base not backed by a database (evaluation, benchmarks). */
    public static KnowledgeBase of(KnowledgeSnapshot snapshot) {
        return new KnowledgeBase(snapshot);
    }

    @Autowired
    KnowledgeBase(KnowledgeRepository repository, KnowledgeSettings settings, ApplicationEventPublisher events, JdbcClient jdbc) {
        this.repository = repository;
        this.events = events;
        this.jdbc = jdbc;
        this.poll = settings.knowledgePoll();
        this.publication = publicationCounter();
        long start = System.nanoTime();
        if (repository.isEmpty()) {
            KnowledgeSnapshot fromFiles = KnowledgeFolder.read(settings.knowledgeBase());
            repository.insertAll(fromFiles);
            log.info("Knowledge base loaded from {} into an empty database: {} items, {} FAQs, {} lexicon groups",
                    settings.knowledgeBase().toAbsolutePath().normalize(), fromFiles.itemCount(), fromFiles.faqCount(),
                    fromFiles.lexicon().synonyms().size());
            if (fromFiles.itemCount() == 0) {
                log.warn("The knowledge base has no items yet: AskOnce cannot answer about any service until a catalogue is "
                        + "imported (/editor/import, POST /api/editor/import or java -jar askonce.jar import FILE)");
            }
        } else if (repository.hasNoEvents()) {
            loadEvents(repository, settings);
        }
        this.snapshot = repository.load();
        log.info("Knowledge base ready: {} items, {} FAQs in {} ms", snapshot.itemCount(), snapshot.faqCount(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * A database filled before life events existed gets the folder's events once, those whose items
     * it holds (an event needing an item the database lacks is left out, with a warning).
     */
    private static void loadEvents(KnowledgeRepository repository, KnowledgeSettings settings) {
        java.nio.file.Path folder = settings.knowledgeBase();
        if (!java.nio.file.Files.isDirectory(folder.resolve("events"))) {
            return;
        }
        KnowledgeSnapshot stored = repository.load();
        List<LifeEvent> events = new java.util.ArrayList<>();
        for (LifeEvent event : KnowledgeFolder.read(folder).events()) {
            if (event.itemIds().stream().allMatch(id -> stored.item(id).isPresent())) {
                events.add(event);
            } else {
                log.warn("Life event {} not loaded: the database lacks some of its items {}", event.id(), event.itemIds());
            }
        }
        repository.insertEvents(events);
        log.info("Life events loaded from {}: {}", folder.toAbsolutePath().normalize(), events.size());
    }

    /** The published knowledge base as one immutable snapshot. */
    public KnowledgeSnapshot snapshot() {
        return snapshot;
    }

    /** Reloads the published knowledge base from the database once the current transaction commits (at once without one). */
    public void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    /** Reads the published knowledge base again and tells whoever builds on it ({@link KnowledgePublished}). */
    public synchronized void reload() {
        if (repository == null) {
            throw new IllegalStateException("a fixed knowledge base cannot be reloaded");
        }
        long counter = publicationCounter();
        long start = System.nanoTime();
        this.snapshot = repository.load();
        this.publication = counter;
        log.info("Knowledge base reloaded (publication {}): {} items, {} FAQs in {} ms", counter, snapshot.itemCount(),
                snapshot.faqCount(), (System.nanoTime() - start) / 1_000_000);
        events.publishEvent(new KnowledgePublished(counter, Instant.now()));
    }

    /** The publication this instance has loaded. */
    public long publication() {
        return publication;
    }

    private long publicationCounter() {
        return jdbc.sql("SELECT counter FROM kb_publication WHERE id = 1").query(Long.class).optional().orElse(0L);
    }

    /** Another instance published: reload. Runs every {@code askonce.knowledge-poll}. */
    @PostConstruct
    void startPolling() {
        if (repository == null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "knowledge-poll");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(() -> {
            try {
                if (publicationCounter() != publication) {
                    reload();
                }
            } catch (RuntimeException e) {
                log.warn("Could not check for a new publication of the knowledge base: {}", e.toString());
            }
        }, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stopPolling() {
        if (poller != null) {
            poller.shutdownNow();
        }
    }
}
