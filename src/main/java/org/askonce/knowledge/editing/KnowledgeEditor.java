package org.askonce.knowledge.editing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.askonce.accounts.PublishRight;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.ImportProgress;
import org.askonce.knowledge.ItemFields;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.store.ChangeLog;
import org.askonce.knowledge.store.KnowledgeRepository;
import org.askonce.knowledge.store.LexiconStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing the knowledge base: every change is a new version of an item with who and when; a
 * change is a draft until someone with the publish right ({@link PublishRight}: reviewers and
 * admins) publishes it; publishing writes it to the live store, counts a publication and reloads
 * the knowledge base (the other instances follow within seconds, see {@link KnowledgeBase}); any
 * version can be restored as a new version. Drafts newer than the published version wait in the
 * review queue ({@link #pendingReview()}). Everything is in the audit log.
 */
@NamedInterface("editing")
@Service
public class KnowledgeEditor {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeEditor.class);

    private final ItemVersionStore versions;
    private final KnowledgeRepository repository;
    private final KnowledgeBase knowledgeBase;
    private final LexiconStore lexicons;
    private final ChangeLog changes;
    private final Clock clock;

    @Autowired
    KnowledgeEditor(JdbcClient jdbc, KnowledgeRepository repository, KnowledgeBase knowledgeBase, LexiconStore lexicons, ChangeLog changes) {
        this(jdbc, repository, knowledgeBase, lexicons, changes, Clock.systemUTC());
    }

    KnowledgeEditor(JdbcClient jdbc, KnowledgeRepository repository, KnowledgeBase knowledgeBase, LexiconStore lexicons, ChangeLog changes,
                    Clock clock) {
        this.versions = new ItemVersionStore(jdbc, knowledgeBase, clock);
        this.changes = changes;
        this.repository = repository;
        this.knowledgeBase = knowledgeBase;
        this.lexicons = lexicons;
        this.clock = clock;
    }

    /**
     * Saves a changed (or new) item with its FAQs as a new draft version; returns it.
     *
     * @throws IllegalArgumentException listing every field that is not valid
     */
    @Transactional
    public ItemVersion saveDraft(ServiceItem item, String author, String note) {
        validate(item);
        List<String> clash = nameClashes(List.of(item));
        if (!clash.isEmpty()) {
            throw new IllegalArgumentException(clash.get(0));
        }
        versions.ensureHistory(item.id());
        int version = versions.nextVersion(item.id());
        Instant now = clock.instant();
        versions.insertDraft(item, version, author, now, note);
        changes.record(author, "DRAFT", item.id(), version, note);
        return version(item.id(), version).orElseThrow();
    }

    /**
     * Publishes a version: citizens get it as soon as the index is rebuilt, on every instance.
     *
     * @throws PublishRight.Refused when the logged-in user may not publish
     */
    @Transactional
    public ItemVersion publish(String itemId, int version, String publisher) {
        PublishRight.requireForCurrentUser();
        ItemVersion v = version(itemId, version).orElseThrow(() -> new IllegalArgumentException("没有这个版本：" + itemId + " 第" + version + "版"));
        if (v.state() == ItemVersion.State.PUBLISHED) {
            throw new IllegalArgumentException("第" + version + "版已经是发布版本");
        }
        validate(v.item());
        List<String> clash = nameClashes(List.of(v.item())); // another item may have taken the name since the draft
        if (!clash.isEmpty()) {
            throw new IllegalArgumentException(clash.get(0));
        }
        Instant now = clock.instant();
        versions.markPublished(itemId, version, publisher, now);
        repository.replaceItem(v.item());
        changes.record(publisher, "PUBLISH", itemId, version, null);
        changes.countPublication(now);
        log.info("{} published {} version {}", publisher, itemId, version);
        return version(itemId, version).orElseThrow();
    }

    /**
     * Imports a whole knowledge base (already read and validated as a whole): every item in it is
     * added or replaced as a new published version, hall FAQs and lexicon entries are added or
     * replaced, all in one transaction and one publication; items not in it are kept. A changed
     * lexicon is recorded as a new lexicon version. Returns how many items were imported.
     *
     * @throws PublishRight.Refused when the logged-in user may not publish
     */
    @Transactional
    public int importAll(KnowledgeSnapshot imported, String user, String source) {
        return importAll(imported, user, source, ImportProgress.NONE);
    }

    /** {@link #importAll(KnowledgeSnapshot, String, String)}, telling {@code progress} as items are stored. */
    @Transactional
    public int importAll(KnowledgeSnapshot imported, String user, String source, ImportProgress progress) {
        PublishRight.requireForCurrentUser();
        List<String> clashes = nameClashes(imported.items());
        if (!clashes.isEmpty()) {
            throw new KnowledgeBaseException(source + " 有 " + clashes.size() + " 处事项重名，什么都没有导入：\n  " + String.join("\n  ", clashes));
        }
        lexicons.lock(); // the same order as a lexicon publication: the publication row first
        Set<String> importing = new HashSet<>();
        imported.items().forEach(i -> importing.add(i.id()));
        List<PendingDraft> overtaken = pendingReview().stream().filter(p -> importing.contains(p.itemId())).toList();
        if (!overtaken.isEmpty()) {
            // the import publishes after them, so they leave the review queue: say so, they are not lost
            progress.notice(overtaken.size() + " 个事项有待审核的草稿，导入的版本已发布在草稿之后，这些草稿不再列在“待发布”中"
                    + "（仍在各事项的版本历史里，需要的话在其基础上重新保存）："
                    + String.join("、", overtaken.stream().limit(10).map(PendingDraft::itemName).toList())
                    + (overtaken.size() > 10 ? " 等" : ""));
        }
        Instant now = clock.instant();
        int total = imported.itemCount();
        int done = 0;
        for (ServiceItem item : imported.items()) {
            progress.stored(done++, total);
            versions.ensureHistory(item.id());
            int version = versions.nextVersion(item.id());
            versions.insertPublished(item, version, user, now, "导入：" + source);
            repository.replaceItem(item);
        }
        progress.stored(done, total);
        Lexicon lexiconBefore = repository.loadLexicon();
        repository.mergeHallFaqsAndLexicon(imported.hallFaqs(), imported.lexicon());
        Lexicon lexiconAfter = repository.loadLexicon();
        if (!lexiconAfter.sameTermsAs(lexiconBefore)) {
            int version = lexicons.recordPublication(lexiconBefore, lexiconAfter, user, now, "导入：" + source);
            changes.record(user, "IMPORT", ChangeLog.LEXICON, version, "词库第" + version + "版，来自 " + source);
        }
        changes.record(user, "IMPORT", null, null, imported.itemCount() + " 个事项，来自 " + source);
        changes.countPublication(now);
        log.info("{} imported {} items from {}", user, imported.itemCount(), source);
        return imported.itemCount();
    }

    /**
     * Restores an earlier version: a new version with its content, published at once.
     *
     * @throws PublishRight.Refused when the logged-in user may not publish
     */
    @Transactional
    public ItemVersion rollBack(String itemId, int toVersion, String editor) {
        PublishRight.requireForCurrentUser();
        ItemVersion old = version(itemId, toVersion).orElseThrow(() -> new IllegalArgumentException("没有这个版本：" + itemId + " 第" + toVersion + "版"));
        ItemVersion restored = saveDraft(old.item(), editor, "回滚到第" + toVersion + "版");
        changes.record(editor, "ROLLBACK", itemId, restored.version(), "回滚到第" + toVersion + "版");
        return publish(itemId, restored.version(), editor);
    }

    /**
     * Adds a FAQ to the item as a new draft version, on top of the item's latest version (so that a
     * draft waiting to be published is kept); returns the draft.
     *
     * @throws IllegalArgumentException no such item, no question or no answer, or a FAQ that is not valid
     */
    @Transactional
    public ItemVersion draftFaq(String itemId, String question, List<String> similar, String answer, String author) {
        String item = itemId == null ? "" : itemId.strip();
        String q = question == null ? "" : question.strip();
        String a = answer == null ? "" : answer.strip();
        if (item.isEmpty()) {
            throw new IllegalArgumentException("请选择问答所属的事项");
        }
        if (q.isEmpty()) {
            throw new IllegalArgumentException("问题不能为空");
        }
        if (a.isEmpty()) {
            throw new IllegalArgumentException("答案不能为空");
        }
        ServiceItem latest = history(item).stream().findFirst().map(ItemVersion::item)
                .orElseThrow(() -> new IllegalArgumentException("没有这个事项：" + item));
        List<String> others = similar == null ? List.of() : similar.stream().filter(java.util.Objects::nonNull).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equals(q)).distinct().toList();
        List<Faq> faqs = new ArrayList<>(latest.faqs());
        faqs.add(new Faq(newFaqId(latest), item, null, q, others, a));
        return saveDraft(latest.withFaqs(faqs), author, "新增问答：" + (q.length() <= 100 ? q : q.substring(0, 100) + "…"));
    }

    /** A FAQ id not used by the item or anywhere in the published knowledge base. */
    private String newFaqId(ServiceItem item) {
        KnowledgeSnapshot published = knowledgeBase.snapshot();
        for (long n = clock.millis(); ; n++) {
            String id = item.id() + "-q" + (item.faqs().size() + 1) + "-" + Long.toString(n % 100000, 36);
            if (item.faqs().stream().noneMatch(f -> f.id().equals(id)) && published.faq(id).isEmpty()) {
                return id;
            }
        }
    }

    /**
     * Sends a draft back to its editor instead of publishing it: the draft leaves the review queue,
     * the editor sees the comment on the item's page and in the list of drafts sent back, the
     * version and the audit log keep it. The editor's next draft of the item goes back into the queue.
     *
     * @throws PublishRight.Refused when the logged-in user may not publish (only reviewers send back)
     * @throws IllegalArgumentException no comment, no such version, or a version that is not a draft waiting for review
     */
    @Transactional
    public ItemVersion returnDraft(String itemId, int version, String reviewer, String comment) {
        PublishRight.requireForCurrentUser();
        String why = comment == null ? "" : comment.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("请写明退回的理由，编辑会看到它并据此修改");
        }
        if (why.length() > 1000) {
            throw new IllegalArgumentException("退回理由太长（" + why.length() + " 个字），最多 1000 个字");
        }
        ItemVersion v = version(itemId, version).orElseThrow(() -> new IllegalArgumentException("没有这个版本：" + itemId + " 第" + version + "版"));
        if (v.state() != ItemVersion.State.DRAFT) {
            throw new IllegalArgumentException("第" + version + "版不是草稿（" + v.state().label() + "），不能退回");
        }
        if (v.wasSentBack()) {
            throw new IllegalArgumentException("第" + version + "版已由 " + v.returned().by() + " 退回");
        }
        if (history(itemId).get(0).version() != version) {
            throw new IllegalArgumentException("第" + version + "版之后已有新版本，请看最新的版本");
        }
        Instant now = clock.instant();
        versions.markReturned(itemId, version, reviewer, now, why);
        changes.record(reviewer, "RETURN", itemId, version, why);
        log.info("{} sent {} version {} back", reviewer, itemId, version);
        return version(itemId, version).orElseThrow();
    }

    /** Drafts sent back that are still the item's latest version (the editor has not saved a new one yet), newest first. */
    public List<ItemVersion> returnedDrafts() {
        return versions.returnedDrafts();
    }

    /**
     * The review queue: every item whose latest draft is newer than its published version (or that
     * was never published), with that draft, oldest waiting first.
     */
    public List<PendingDraft> pendingReview() {
        return versions.pendingReview();
    }

    /** Every version of the item, newest first (the live content counts as version 1 if it was never edited). */
    public List<ItemVersion> history(String itemId) {
        return versions.history(itemId);
    }

    public Optional<ItemVersion> version(String itemId, int version) {
        return versions.version(itemId, version);
    }

    /** The audit log, newest first; for one item when {@code itemId} is given. */
    public List<ChangeLog.Entry> auditLog(String itemId, int limit) {
        return changes.entries(itemId, limit);
    }

    /**
     * Names that two items would share (names are unique: citizens and menus tell items apart by
     * them): within {@code incoming}, or with a live item that {@code incoming} does not replace.
     */
    private List<String> nameClashes(List<ServiceItem> incoming) {
        Map<String, String> owner = new HashMap<>();
        Set<String> replaced = new HashSet<>();
        incoming.forEach(i -> replaced.add(i.id()));
        for (ServiceItem live : knowledgeBase.snapshot().items()) {
            if (!replaced.contains(live.id())) {
                owner.put(live.name(), live.id());
            }
        }
        List<String> clashes = new ArrayList<>();
        for (ServiceItem item : incoming) {
            String other = owner.putIfAbsent(item.name(), item.id());
            if (other != null && !other.equals(item.id())) {
                clashes.add("事项名称“" + item.name() + "”（编号 " + item.id() + "）与事项 " + other + " 重名，请改名后再保存");
            }
        }
        return clashes;
    }

    private static void validate(ServiceItem item) {
        if (item == null) {
            throw new IllegalArgumentException("事项不能为空");
        }
        List<String> problems = new ArrayList<>();
        ItemFields.violations(item)
                .forEach(v -> {
                    // in Chinese, with the guide's name of the field and the name the YAML uses
                    String path = v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
                    problems.add(ItemFields.header(path) + "（" + path + "）：" + ItemFields.chinese(v));
                });
        for (Iterator<Faq> it = item.faqs().iterator(); it.hasNext(); ) {
            Faq f = it.next();
            if (f.itemId() != null && !f.itemId().equals(item.id())) {
                problems.add("常见问题 " + f.id() + " 的所属事项（itemId）应为 " + item.id());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("事项 " + item.id() + " 有 " + problems.size() + " 处不合格：" + String.join("；", problems));
        }
    }
}
