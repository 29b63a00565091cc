package org.askonce.knowledge.editing;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.askonce.knowledge.EditorSettings;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.lexicon.LexiconEditor;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The review queue ("待发布", {@code /editor/review}): every item and every life event (一件事) with a draft
 * newer than its published version, with the draft's author, time and note, the changes against the published version, and
 * for reviewers and admins the publish button (editors see the queue read-only). As JSON:
 * {@code GET /api/editor/review}, and publishing and rolling back by API
 * ({@code POST /api/editor/items/{id}/versions/{version}/publish|rollback}, reviewers and admins).
 */
@Controller
class ReviewController {

    private final KnowledgeEditor editor;
    private final LexiconEditor lexicon;
    private final EventEditor events;
    private final KnowledgeBase knowledgeBase;
    private final EditorSettings settings;

    ReviewController(KnowledgeEditor editor, LexiconEditor lexicon, EventEditor events, KnowledgeBase knowledgeBase, EditorSettings settings) {
        this.editor = editor;
        this.lexicon = lexicon;
        this.events = events;
        this.knowledgeBase = knowledgeBase;
        this.settings = settings;
    }

    /** One item waiting, as the API answers it. */
    record Pending(String itemId, String itemName, int draftVersion, String author, Instant createdAt, String note,
                   Integer publishedVersion, int drafts) {

        static Pending of(PendingDraft p) {
            return new Pending(p.itemId(), p.itemName(), p.draft().version(), p.draft().author(), p.draft().createdAt(), p.draft().note(),
                    p.publishedVersion(), p.drafts());
        }
    }

    /** A version without its content, as the API answers it; {@code returned*} for a draft a reviewer sent back. */
    record Version(String itemId, int version, ItemVersion.State state, String author, Instant createdAt, String note,
                   String publishedBy, Instant publishedAt, String returnedBy, Instant returnedAt, String returnComment) {

        static Version of(ItemVersion v) {
            ItemVersion.Returned r = v.returned();
            return new Version(v.itemId(), v.version(), v.state(), v.author(), v.createdAt(), v.note(), v.publishedBy(), v.publishedAt(),
                    r == null ? null : r.by(), r == null ? null : r.at(), r == null ? null : r.comment());
        }
    }

    /** Why a draft is sent back. */
    record SendBack(String comment) {
    }

    @GetMapping("/editor/review")
    String queue(Model model) {
        model.addAttribute("pending", editor.pendingReview());
        model.addAttribute("pendingEvents", events.pendingReview());
        model.addAttribute("lexiconChanges", lexicon.draftChanges().size());
        model.addAttribute("view", this);
        return "editor/review";
    }

    @GetMapping(path = "/api/editor/review", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<Pending> queueByApi() {
        return editor.pendingReview().stream().map(Pending::of).toList();
    }

    @PostMapping(path = "/api/editor/items/{id}/versions/{version}/publish", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Version publishByApi(@PathVariable String id, @PathVariable int version, Principal user) {
        return Version.of(editor.publish(id, version, user.getName()));
    }

    /** Sends a draft back to its editor with a comment (reviewers and admins; 400 without a comment). */
    @PostMapping(path = "/api/editor/items/{id}/versions/{version}/return", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Version sendBackByApi(@PathVariable String id, @PathVariable int version, @org.springframework.web.bind.annotation.RequestBody SendBack body,
                          Principal user) {
        return Version.of(editor.returnDraft(id, version, user.getName(), body == null ? null : body.comment()));
    }

    @PostMapping(path = "/api/editor/items/{id}/versions/{version}/rollback", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Version rollBackByApi(@PathVariable String id, @PathVariable int version, Principal user) {
        return Version.of(editor.rollBack(id, version, user.getName()));
    }

    /** What the waiting draft changes against the published version (everything, for a new item). */
    public List<VersionDiff.Field> changes(PendingDraft p) {
        ServiceItem before = p.isNew() ? null : editor.version(p.itemId(), p.publishedVersion()).map(ItemVersion::item).orElse(null);
        return VersionDiff.between(before, p.draft().item());
    }

    /** What a waiting event draft changes against what citizens get now (everything, for an event not answered now). */
    public List<VersionDiff.Field> eventChanges(EventEditor.Pending p) {
        return VersionDiff.betweenEvents(knowledgeBase.snapshot().event(p.eventId()).orElse(null), p.draft().event());
    }

    public String time(Instant t) {
        return settings.minutes(t);
    }
}
