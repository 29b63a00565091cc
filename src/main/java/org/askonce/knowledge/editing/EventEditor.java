package org.askonce.knowledge.editing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.askonce.accounts.PublishRight;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.store.ChangeLog;
import org.askonce.knowledge.store.KnowledgeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing life events (一件事) the way items are edited ({@link KnowledgeEditor}): every change is a new
 * version with who and when, a draft until someone with the publish right ({@link PublishRight})
 * publishes it, which writes the live event and reloads the knowledge base (the event is answered at
 * once); a reviewer may send a draft back with a comment; any version can be restored as a new,
 * published version; an event can be retired (停用: no longer answered). The rules a draft must keep
 * are the folder's ({@link KnowledgeFolder#eventProblems}), all reported at once, in Chinese; each
 * step's item name is taken from the live item, never typed. The audit log records every step under
 * {@code event:<id>}.
 *
 * <p>This is the entry point and the editing workflow; the versions are stored by {@link EventVersionStore},
 * the rules of a draft are {@link EventRules}' and the events of a folder import are written by {@link EventImport}.
 */
@Service
public class EventEditor {

    private static final Logger log = LoggerFactory.getLogger(EventEditor.class);
    /** Events are written in the audit log under this prefix and their id, apart from items. */
    static final String AUDIT_PREFIX = "event:";

    private final EventVersionStore versions;
    private final EventRules rules;
    private final EventImport imports;
    private final KnowledgeRepository repository;
    private final KnowledgeBase knowledgeBase;
    private final ChangeLog changes;
    private final Clock clock;

    @Autowired
    EventEditor(JdbcClient jdbc, KnowledgeRepository repository, KnowledgeBase knowledgeBase, ChangeLog changes) {
        this(jdbc, repository, knowledgeBase, changes, Clock.systemUTC());
    }

    EventEditor(JdbcClient jdbc, KnowledgeRepository repository, KnowledgeBase knowledgeBase, ChangeLog changes, Clock clock) {
        this.versions = new EventVersionStore(jdbc, knowledgeBase, clock);
        this.rules = new EventRules(knowledgeBase, versions);
        this.imports = new EventImport(versions, repository, knowledgeBase, changes, clock);
        this.repository = repository;
        this.knowledgeBase = knowledgeBase;
        this.changes = changes;
        this.clock = clock;
    }

    /** An event waiting in the review queue: its latest draft, the version citizens get now (null: not answered now) and how many drafts wait. */
    public record Pending(EventVersion draft, Integer publishedVersion, int drafts) {

        public String eventId() {
            return draft.eventId();
        }

        public String eventName() {
            return draft.event().name();
        }

        /** Nothing answered now to compare with: a new event, or one retired. */
        public boolean isNew() {
            return publishedVersion == null;
        }
    }

    /** One event on the events page: its latest version and whether citizens get it now. */
    public record Row(EventVersion latest, boolean live) {

        public String id() {
            return latest.eventId();
        }

        public LifeEvent event() {
            return latest.event();
        }

        /** A draft newer than what is answered, not sent back: 草稿待审核. */
        public boolean awaitingReview() {
            return latest.state() == EventVersion.State.DRAFT && !latest.wasSentBack();
        }

        public boolean sentBack() {
            return latest.state() == EventVersion.State.DRAFT && latest.wasSentBack();
        }

        public boolean retired() {
            return !live && latest.state() == EventVersion.State.RETIRED;
        }
    }

    /**
     * Saves a changed (or new) event as a new draft version and returns it. Each step's item name is
     * filled in from the live item (so a draft adopts an item's new name).
     *
     * @throws IllegalArgumentException listing every problem at once, in Chinese
     */
    @Transactional
    public EventVersion saveDraft(LifeEvent event, String author, String note) {
        LifeEvent named = rules.withItemNames(event);
        rules.check(named);
        versions.ensureHistory(named.id());
        int version = versions.nextVersion(named.id());
        versions.insertDraft(named, version, author, clock.instant(), note);
        changes.record(author, "DRAFT", AUDIT_PREFIX + named.id(), version, note);
        return version(named.id(), version).orElseThrow();
    }

    /**
     * Publishes a version: it replaces the live event (or adds it, or brings a retired one back) and the
     * knowledge base is reloaded, so citizens get it at once.
     *
     * @throws PublishRight.Refused when the logged-in user may not publish
     * @throws IllegalArgumentException no such version, already published, or a version that no longer keeps the rules
     *                                  (an item renamed or another event named alike since the draft)
     */
    @Transactional
    public EventVersion publish(String eventId, int version, String publisher) {
        PublishRight.requireForCurrentUser();
        EventVersion v = version(eventId, version).orElseThrow(() -> noSuchVersion(eventId, version));
        if (v.state() == EventVersion.State.PUBLISHED) {
            throw new IllegalArgumentException("第" + version + "版已经是发布版本");
        }
        rules.check(v.event());
        Instant now = clock.instant();
        versions.supersedePublished(eventId);
        versions.markPublished(eventId, version, publisher, now);
        repository.replaceEvent(v.event());
        changes.record(publisher, "PUBLISH", AUDIT_PREFIX + eventId, version, null);
        changes.countPublication(now);
        log.info("{} published life event {} version {}", publisher, eventId, version);
        return version(eventId, version).orElseThrow();
    }

    /**
     * Restores an earlier version: a new version with its content (item names as the items have them
     * now), published at once.
     *
     * @throws PublishRight.Refused when the logged-in user may not publish
     */
    @Transactional
    public EventVersion rollBack(String eventId, int toVersion, String user) {
        PublishRight.requireForCurrentUser();
        EventVersion old = version(eventId, toVersion).orElseThrow(() -> noSuchVersion(eventId, toVersion));
        EventVersion restored = saveDraft(old.event(), user, "回滚到第" + toVersion + "版");
        changes.record(user, "ROLLBACK", AUDIT_PREFIX + eventId, restored.version(), "回滚到第" + toVersion + "版");
        return publish(eventId, restored.version(), user);
    }

    /**
     * Retires (停用) a published event: it is no longer answered; its versions stay, and rolling back to
     * any of them publishes it again. Recorded as a version of its own.
     *
     * @throws PublishRight.Refused when the logged-in user may not publish
     * @throws IllegalArgumentException the event is not answered now
     */
    @Transactional
    public EventVersion retire(String eventId, String user, String note) {
        PublishRight.requireForCurrentUser();
        LifeEvent live = knowledgeBase.snapshot().event(eventId)
                .orElseThrow(() -> new IllegalArgumentException("一件事 " + eventId + " 现在没有发布，无需停用"));
        versions.ensureHistory(eventId);
        int version = versions.nextVersion(eventId);
        Instant now = clock.instant();
        String why = note == null || note.isBlank() ? "停用" : note.strip();
        versions.supersedePublished(eventId);
        versions.insertPublished(eventId, version, live, EventVersion.State.RETIRED, user, now, why);
        repository.deleteEvent(eventId);
        changes.record(user, "RETIRE", AUDIT_PREFIX + eventId, version, why);
        changes.countPublication(now);
        log.info("{} retired life event {} (version {})", user, eventId, version);
        return version(eventId, version).orElseThrow();
    }

    /**
     * Sends a draft back to its editor instead of publishing it, with a comment the editor reads; it
     * leaves the review queue until the editor saves a new draft.
     *
     * @throws PublishRight.Refused when the logged-in user may not publish
     * @throws IllegalArgumentException no comment, no such version, not the latest draft, or sent back already
     */
    @Transactional
    public EventVersion returnDraft(String eventId, int version, String reviewer, String comment) {
        PublishRight.requireForCurrentUser();
        String why = comment == null ? "" : comment.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("请写明退回的理由，编辑会看到它并据此修改");
        }
        if (why.length() > 1000) {
            throw new IllegalArgumentException("退回理由太长（" + why.length() + " 个字），最多 1000 个字");
        }
        EventVersion v = version(eventId, version).orElseThrow(() -> noSuchVersion(eventId, version));
        if (v.state() != EventVersion.State.DRAFT) {
            throw new IllegalArgumentException("第" + version + "版不是草稿（" + v.state().label() + "），不能退回");
        }
        if (v.wasSentBack()) {
            throw new IllegalArgumentException("第" + version + "版已由 " + v.returned().by() + " 退回");
        }
        if (history(eventId).get(0).version() != version) {
            throw new IllegalArgumentException("第" + version + "版之后已有新版本，请看最新的版本");
        }
        versions.markReturned(eventId, version, reviewer, clock.instant(), why);
        changes.record(reviewer, "RETURN", AUDIT_PREFIX + eventId, version, why);
        log.info("{} sent life event {} version {} back", reviewer, eventId, version);
        return version(eventId, version).orElseThrow();
    }

    /**
     * Adds or replaces the events of an import as published versions (an unchanged event gets no new
     * version), inside the import's transaction; events not in it are kept. The import's items are
     * stored by then, and the folder has checked each event against them.
     *
     * @throws KnowledgeBaseException an imported event has the name of another live event
     */
    @Transactional
    public int importAll(List<LifeEvent> imported, String user, String source) {
        return imports.importAll(imported, user, source);
    }

    /**
     * The review queue's events: each whose latest draft is newer than what citizens get (or were last
     * given, for a retired event), not sent back, oldest waiting first.
     */
    public List<Pending> pendingReview() {
        return versions.pendingReview();
    }

    /** Every event, live or only in versions (new drafts, retired ones), by name. */
    public List<Row> rows() {
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        Set<String> ids = new LinkedHashSet<>();
        snapshot.events().forEach(e -> ids.add(e.id()));
        ids.addAll(versions.eventIds());
        List<Row> rows = new ArrayList<>();
        for (String id : ids) {
            List<EventVersion> history = history(id);
            if (!history.isEmpty()) {
                rows.add(new Row(history.get(0), snapshot.event(id).isPresent()));
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.event().name()));
        return rows;
    }

    /** Every version of the event, newest first (the live content counts as version 1 if it was never edited). */
    public List<EventVersion> history(String eventId) {
        return versions.history(eventId);
    }

    public Optional<EventVersion> version(String eventId, int version) {
        return versions.version(eventId, version);
    }

    /** The version citizens get now, if any. */
    public Optional<Integer> publishedVersion(String eventId) {
        return history(eventId).stream().filter(v -> v.state() == EventVersion.State.PUBLISHED).map(EventVersion::version).findFirst();
    }

    /** The audit log of one event, newest first. */
    public List<ChangeLog.Entry> auditLog(String eventId, int limit) {
        return changes.entries(AUDIT_PREFIX + eventId, limit);
    }

    /** A free id for a new event ({@code event-…}). */
    public String newId() {
        for (long n = clock.millis(); ; n++) {
            String id = "event-" + Long.toString(n % 100_000_000L, 36);
            if (history(id).isEmpty()) {
                return id;
            }
        }
    }

    /** The steps whose item has been renamed since the step was written: index to the item's present name. */
    public Map<Integer, String> renamedSteps(LifeEvent event) {
        return rules.renamedSteps(event);
    }

    private static IllegalArgumentException noSuchVersion(String eventId, int version) {
        return new IllegalArgumentException("没有这个版本：一件事 " + eventId + " 第" + version + "版");
    }
}
