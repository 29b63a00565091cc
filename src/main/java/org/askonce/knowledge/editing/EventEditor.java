package org.askonce.knowledge.editing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.askonce.accounts.PublishRight;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.Mappers;
import org.askonce.knowledge.ServiceItem;
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
 */
@Service
public class EventEditor {

    private static final Logger log = LoggerFactory.getLogger(EventEditor.class);
    /** Events are written in the audit log under this prefix and their id, apart from items. */
    static final String AUDIT_PREFIX = "event:";
    /** A new event needs at least this many steps: one item alone is an item, not a life event. */
    static final int MIN_STEPS = 2;
    private static final int MAX_ID = 60;

    private final JdbcClient jdbc;
    private final KnowledgeRepository repository;
    private final KnowledgeBase knowledgeBase;
    private final ChangeLog changes;
    private final Clock clock;

    @Autowired
    EventEditor(JdbcClient jdbc, KnowledgeRepository repository, KnowledgeBase knowledgeBase, ChangeLog changes) {
        this(jdbc, repository, knowledgeBase, changes, Clock.systemUTC());
    }

    EventEditor(JdbcClient jdbc, KnowledgeRepository repository, KnowledgeBase knowledgeBase, ChangeLog changes, Clock clock) {
        this.jdbc = jdbc;
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
        LifeEvent named = withItemNames(event);
        check(named);
        ensureHistory(named.id());
        int version = nextVersion(named.id());
        jdbc.sql("INSERT INTO kb_event_version (event_id, version, body, state, author, created_at, note) VALUES (?,?,?,'DRAFT',?,?,?)")
                .params(named.id(), version, Mappers.toJson(named), author, Timestamp.from(clock.instant()), note).update();
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
        check(v.event());
        Instant now = clock.instant();
        jdbc.sql("UPDATE kb_event_version SET state = 'SUPERSEDED' WHERE event_id = ? AND state = 'PUBLISHED'").param(eventId).update();
        jdbc.sql("UPDATE kb_event_version SET state = 'PUBLISHED', published_by = ?, published_at = ? WHERE event_id = ? AND version = ?")
                .params(publisher, Timestamp.from(now), eventId, version).update();
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
        ensureHistory(eventId);
        int version = nextVersion(eventId);
        Instant now = clock.instant();
        String why = note == null || note.isBlank() ? "停用" : note.strip();
        jdbc.sql("UPDATE kb_event_version SET state = 'SUPERSEDED' WHERE event_id = ? AND state = 'PUBLISHED'").param(eventId).update();
        jdbc.sql("""
                        INSERT INTO kb_event_version (event_id, version, body, state, author, created_at, note, published_by, published_at)
                        VALUES (?,?,?,'RETIRED',?,?,?,?,?)""")
                .params(eventId, version, Mappers.toJson(live), user, Timestamp.from(now), why, user, Timestamp.from(now)).update();
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
        jdbc.sql("UPDATE kb_event_version SET returned_by = ?, returned_at = ?, return_comment = ? WHERE event_id = ? AND version = ?")
                .params(reviewer, Timestamp.from(clock.instant()), why, eventId, version).update();
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
        Set<String> importing = imported.stream().map(LifeEvent::id).collect(Collectors.toSet());
        Map<String, String> others = knowledgeBase.snapshot().events().stream().filter(e -> !importing.contains(e.id()))
                .collect(Collectors.toMap(LifeEvent::name, LifeEvent::id));
        List<String> clashes = imported.stream().filter(e -> others.containsKey(e.name()))
                .map(e -> "一件事“" + e.name() + "”（" + e.id() + "）与一件事 " + others.get(e.name()) + " 重名").toList();
        if (!clashes.isEmpty()) {
            throw new KnowledgeBaseException(source + " 有 " + clashes.size() + " 处一件事重名，什么都没有导入：\n  " + String.join("\n  ", clashes));
        }
        Instant now = clock.instant();
        int changed = 0;
        for (LifeEvent event : imported) {
            if (knowledgeBase.snapshot().event(event.id()).filter(event::equals).isPresent()) {
                continue;
            }
            ensureHistory(event.id());
            int version = nextVersion(event.id());
            jdbc.sql("UPDATE kb_event_version SET state = 'SUPERSEDED' WHERE event_id = ? AND state = 'PUBLISHED'").param(event.id()).update();
            jdbc.sql("""
                            INSERT INTO kb_event_version (event_id, version, body, state, author, created_at, note, published_by, published_at)
                            VALUES (?,?,?,'PUBLISHED',?,?,?,?,?)""")
                    .params(event.id(), version, Mappers.toJson(event), user, Timestamp.from(now), "导入：" + source, user, Timestamp.from(now)).update();
            repository.replaceEvent(event);
            changes.record(user, "IMPORT", AUDIT_PREFIX + event.id(), version, "来自 " + source);
            changed++;
        }
        return changed;
    }

    /**
     * The review queue's events: each whose latest draft is newer than what citizens get (or were last
     * given, for a retired event), not sent back, oldest waiting first.
     */
    public List<Pending> pendingReview() {
        return jdbc.sql("""
                        SELECT v.*,
                          (SELECT MAX(p.version) FROM kb_event_version p WHERE p.event_id = v.event_id AND p.state = 'PUBLISHED') AS published_version,
                          (SELECT COUNT(*) FROM kb_event_version c WHERE c.event_id = v.event_id AND c.state = 'DRAFT'
                             AND c.version > COALESCE((SELECT MAX(p.version) FROM kb_event_version p
                                                      WHERE p.event_id = v.event_id AND p.state IN ('PUBLISHED', 'RETIRED')), 0)) AS waiting
                        FROM kb_event_version v
                        WHERE v.state = 'DRAFT' AND v.returned_at IS NULL
                          AND v.version = (SELECT MAX(d.version) FROM kb_event_version d WHERE d.event_id = v.event_id)
                          AND v.version > COALESCE((SELECT MAX(p.version) FROM kb_event_version p
                                                   WHERE p.event_id = v.event_id AND p.state IN ('PUBLISHED', 'RETIRED')), 0)
                        ORDER BY v.created_at, v.event_id""")
                .query((rs, n) -> new Pending(version(rs), (Integer) rs.getObject("published_version"), rs.getInt("waiting")))
                .list();
    }

    /** Every event, live or only in versions (new drafts, retired ones), by name. */
    public List<Row> rows() {
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        Set<String> ids = new LinkedHashSet<>();
        snapshot.events().forEach(e -> ids.add(e.id()));
        ids.addAll(jdbc.sql("SELECT DISTINCT event_id FROM kb_event_version").query(String.class).list());
        List<Row> rows = new ArrayList<>();
        for (String id : ids) {
            List<EventVersion> history = history(id);
            if (!history.isEmpty()) {
                rows.add(new Row(history.get(0), snapshot.event(id).isPresent()));
            }
        }
        rows.sort(java.util.Comparator.comparing((Row r) -> r.event().name()));
        return rows;
    }

    /** Every version of the event, newest first (the live content counts as version 1 if it was never edited). */
    public List<EventVersion> history(String eventId) {
        List<EventVersion> stored = jdbc.sql("SELECT * FROM kb_event_version WHERE event_id = ? ORDER BY version DESC").param(eventId)
                .query((rs, n) -> version(rs)).list();
        if (stored.isEmpty()) {
            return knowledgeBase.snapshot().event(eventId)
                    .map(e -> List.of(new EventVersion(eventId, 1, e, EventVersion.State.PUBLISHED, "导入", null, "初始内容", null, null, null)))
                    .orElse(List.of());
        }
        return stored;
    }

    public Optional<EventVersion> version(String eventId, int version) {
        Optional<EventVersion> stored = jdbc.sql("SELECT * FROM kb_event_version WHERE event_id = ? AND version = ?").params(eventId, version)
                .query((rs, n) -> version(rs)).optional();
        if (stored.isEmpty() && version == 1) {
            return history(eventId).stream().filter(v -> v.version() == 1).findFirst();
        }
        return stored;
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
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        Map<Integer, String> renamed = new java.util.TreeMap<>();
        for (int i = 0; i < event.steps().size(); i++) {
            LifeEvent.Step step = event.steps().get(i);
            String now = snapshot.item(step.item()).map(ServiceItem::name).orElse(null);
            if (now != null && step.itemName() != null && !now.equals(step.itemName())) {
                renamed.put(i, now);
            }
        }
        return renamed;
    }

    /** The event with each step's item name as the live item has it (a step of an unknown item keeps what it had). */
    LifeEvent withItemNames(LifeEvent event) {
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        List<LifeEvent.Step> steps = event.steps().stream().map(s -> s == null || s.item() == null ? s
                : new LifeEvent.Step(s.item(), snapshot.item(s.item()).map(ServiceItem::name).orElse(s.itemName()), s.why(), s.condition()))
                .toList();
        return new LifeEvent(event.id(), event.name(), event.wordings(), event.summary(), steps, event.note(), event.source());
    }

    /** Every rule at once: the id, then the folder's rules among the live items and the other live events. */
    private void check(LifeEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("一件事不能为空");
        }
        List<String> problems = new ArrayList<>();
        String id = event.id() == null ? "" : event.id();
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*") || id.length() > MAX_ID) {
            problems.add("编号（id）只能用小写英文字母、数字和连字符（如 open-restaurant），最多 " + MAX_ID + " 个字符：“" + id + "”");
        }
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        Map<String, String> liveItems = snapshot.items().stream().collect(Collectors.toMap(ServiceItem::id, ServiceItem::name));
        Set<String> itemNames = new HashSet<>(liveItems.values());
        Set<String> otherNames = snapshot.events().stream().filter(e -> !e.id().equals(id)).map(LifeEvent::name)
                .collect(Collectors.toCollection(HashSet::new));
        // an event published with a single step (the folder allows it) may keep it, also once retired; a new one needs two
        int published = snapshot.event(id).map(e -> e.steps().size()).orElseGet(() -> history(id).stream()
                .filter(v -> v.state() == EventVersion.State.PUBLISHED || v.state() == EventVersion.State.RETIRED)
                .findFirst().map(v -> v.event().steps().size()).orElse(MIN_STEPS));
        int minSteps = Math.max(1, Math.min(MIN_STEPS, published));
        problems.addAll(KnowledgeFolder.eventProblems("", event, liveItems, itemNames, otherNames, minSteps).stream()
                .map(p -> p.replace("一件事名称“" + event.name() + "”重复", "一件事名称“" + event.name() + "”已被另一件事使用"))
                .toList());
        if (event.source() == null || event.source().isBlank()) {
            problems.add("信息来源（source）不能为空");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("一件事有 " + problems.size() + " 处不合格：" + String.join("；", problems));
        }
    }

    /** The live content becomes version 1 the first time an event is edited, so history starts with what was there. */
    private void ensureHistory(String eventId) {
        Integer count = jdbc.sql("SELECT COUNT(*) FROM kb_event_version WHERE event_id = ?").param(eventId).query(Integer.class).single();
        if (count == 0) {
            knowledgeBase.snapshot().event(eventId).ifPresent(live -> jdbc.sql(
                            "INSERT INTO kb_event_version (event_id, version, body, state, author, created_at, note) VALUES (?,1,?,'PUBLISHED','导入',?,?)")
                    .params(eventId, Mappers.toJson(live), Timestamp.from(clock.instant()), "编辑前的内容").update());
        }
    }

    private int nextVersion(String eventId) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM kb_event_version WHERE event_id = ?").param(eventId)
                .query(Integer.class).single() + 1;
    }

    private static IllegalArgumentException noSuchVersion(String eventId, int version) {
        return new IllegalArgumentException("没有这个版本：一件事 " + eventId + " 第" + version + "版");
    }

    private EventVersion version(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        Timestamp returnedAt = rs.getTimestamp("returned_at");
        return new EventVersion(rs.getString("event_id"), rs.getInt("version"), Mappers.fromJson(rs.getString("body"), LifeEvent.class),
                EventVersion.State.valueOf(rs.getString("state")), rs.getString("author"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("note"), rs.getString("published_by"), published == null ? null : published.toInstant(),
                returnedAt == null ? null : new ItemVersion.Returned(rs.getString("returned_by"), returnedAt.toInstant(),
                        rs.getString("return_comment")));
    }


}
