package org.askonce.knowledge.editing;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.askonce.accounts.PublishRight;
import org.askonce.knowledge.EditorSettings;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editor console's life events (一件事, {@code /editor/events}): the list with each event's state, a
 * form to write a new event or change one (name, summary, wordings one a line, the steps with the item
 * chosen among the live items, why, when, their order; add a step in an empty row, remove one with its
 * box), saved as a draft; the event's versions with their changes; for reviewers and admins the
 * confirmation pages to publish, roll back and retire, and sending a draft back. A step whose item was
 * renamed is shown with the new name, adopted in one click (a new draft).
 */
@Controller
@RequestMapping("/editor/events")
class EventEditorController {

    /** Empty step rows under a new event's form (it needs two steps) and under an existing event's. */
    private static final int NEW_ROWS = 3;
    private static final int MORE_ROWS = 1;

    private final KnowledgeBase knowledgeBase;
    private final EventEditor events;
    private final EditorSettings settings;

    EventEditorController(KnowledgeBase knowledgeBase, EventEditor events, EditorSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.events = events;
        this.settings = settings;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rows", events.rows());
        model.addAttribute("view", this);
        return "editor/events";
    }

    @GetMapping("/new")
    String newEvent(Model model) {
        LifeEvent blank = new LifeEvent(events.newId(), "", List.of(), "", List.of(), "", "知识编辑依据本知识库的事项编写");
        return form(model, null, EventForm.of(blank, knowledgeBase.snapshot(), NEW_ROWS));
    }

    @PostMapping("/new")
    String create(@RequestParam MultiValueMap<String, String> params, Principal user, Model model, RedirectAttributes flash) {
        EventForm sent = EventForm.sent(params);
        if (!sent.id().isEmpty() && !events.history(sent.id()).isEmpty()) {
            model.addAttribute("error", "编号 " + sent.id() + " 已被另一件事使用，请换一个");
            return form(model, null, sent);
        }
        return save(null, sent, "新建一件事", user, model, flash);
    }

    @GetMapping("/{id}")
    String event(@PathVariable String id, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                 Model model) {
        EventVersion latest = latest(id);
        if (from != null && to != null) {
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("changes", VersionDiff.betweenEvents(eventOf(id, from), eventOf(id, to)));
        }
        return form(model, id, EventForm.of(latest.event(), knowledgeBase.snapshot(), MORE_ROWS));
    }

    @PostMapping("/{id}/save")
    String update(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Principal user, Model model,
                  RedirectAttributes flash) {
        latest(id);
        EventForm sent = EventForm.sent(params);
        EventForm withId = new EventForm(id, sent.name(), sent.summary(), sent.wordings(), sent.note(), sent.source(), sent.steps(), sent.changeNote());
        return save(id, withId, "修改一件事", user, model, flash);
    }

    /** Saves the latest version again with every step naming its item as the item is named now: one click after a rename. */
    @PostMapping("/{id}/adopt-names")
    String adoptNames(@PathVariable String id, Principal user, RedirectAttributes flash) {
        EventVersion latest = latest(id);
        Map<Integer, String> renamed = events.renamedSteps(latest.event());
        try {
            EventVersion v = events.saveDraft(latest.event(), user.getName(), "采用事项的新名称：" + String.join("、", renamed.values()));
            flash.addFlashAttribute("message", "已采用事项的新名称，保存为第" + v.version() + "版草稿，发布后生效");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/editor/events/" + id;
    }

    @GetMapping("/{id}/versions/{version}/publish")
    String confirmPublish(@PathVariable String id, @PathVariable int version, @RequestParam(defaultValue = "") String back, Model model) {
        return confirm(id, version, "publish", back, model);
    }

    @GetMapping("/{id}/versions/{version}/rollback")
    String confirmRollBack(@PathVariable String id, @PathVariable int version, Model model) {
        return confirm(id, version, "rollback", "", model);
    }

    @GetMapping("/{id}/retire")
    String confirmRetire(@PathVariable String id, Model model) {
        latest(id);
        Integer published = events.publishedVersion(id).orElseThrow(() -> new EventNotFound(id + "（现在没有发布）"));
        return confirm(id, published, "retire", "", model);
    }

    @PostMapping("/{id}/versions/{version}/publish")
    String publish(@PathVariable String id, @PathVariable int version, @RequestParam(defaultValue = "") String back, Principal user,
                   RedirectAttributes flash) {
        try {
            EventVersion v = events.publish(id, version, user.getName());
            flash.addFlashAttribute("message", "一件事“" + v.event().name() + "”第" + version + "版已发布，市民现在就能问到");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "未能发布：" + e.getMessage());
        }
        return "review".equals(back) ? "redirect:/editor/review" : "redirect:/editor/events/" + id;
    }

    @PostMapping("/{id}/versions/{version}/rollback")
    String rollBack(@PathVariable String id, @PathVariable int version, Principal user, RedirectAttributes flash) {
        try {
            EventVersion v = events.rollBack(id, version, user.getName());
            flash.addFlashAttribute("message", "已回滚到第" + version + "版（新版本第" + v.version() + "版，已发布）");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "未能回滚：" + e.getMessage());
        }
        return "redirect:/editor/events/" + id;
    }

    @PostMapping("/{id}/versions/{version}/return")
    String sendBack(@PathVariable String id, @PathVariable int version, @RequestParam(defaultValue = "") String comment,
                    @RequestParam(defaultValue = "") String back, Principal user, RedirectAttributes flash) {
        try {
            EventVersion v = events.returnDraft(id, version, user.getName(), comment);
            flash.addFlashAttribute("message", "已把“" + v.event().name() + "”第" + version + "版退回给 " + v.author()
                    + "，对方会在一件事页面看到您的意见");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "未能退回：" + e.getMessage());
            return "redirect:/editor/events/" + id + "/versions/" + version + "/publish" + ("review".equals(back) ? "?back=review" : "");
        }
        return "review".equals(back) ? "redirect:/editor/review" : "redirect:/editor/events/" + id;
    }

    @PostMapping("/{id}/retire")
    String retire(@PathVariable String id, @RequestParam(defaultValue = "") String note, Principal user, RedirectAttributes flash) {
        try {
            EventVersion v = events.retire(id, user.getName(), note);
            flash.addFlashAttribute("message", "一件事“" + v.event().name() + "”已停用，市民不会再得到它的回答；回滚到任一版本可重新发布");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "未能停用：" + e.getMessage());
        }
        return "redirect:/editor/events/" + id;
    }

    /** The confirmation before publishing, rolling back or retiring: what citizens get now against what they would get. */
    private String confirm(String id, int version, String action, String back, Model model) {
        PublishRight.requireForCurrentUser();
        EventVersion v = events.version(id, version).orElseThrow(() -> new EventNotFound(id + " 第" + version + "版"));
        LifeEvent now = knowledgeBase.snapshot().event(id).orElse(null);
        model.addAttribute("action", action);
        model.addAttribute("v", v);
        model.addAttribute("published", events.publishedVersion(id).orElse(null));
        model.addAttribute("changes", "retire".equals(action) ? List.of() : VersionDiff.betweenEvents(now, v.event()));
        model.addAttribute("back", back);
        model.addAttribute("view", this);
        return "editor/event-confirm";
    }

    /** The event page (or the new-event page, {@code id} null) with this form. */
    private String form(Model model, String id, EventForm form) {
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        model.addAttribute("form", form);
        model.addAttribute("isNew", id == null);
        model.addAttribute("liveItems", snapshot.items().stream().sorted(Comparator.comparing(ServiceItem::name)).toList());
        model.addAttribute("view", this);
        if (id == null) {
            return "editor/event";
        }
        List<EventVersion> history = events.history(id);
        EventVersion latest = history.get(0);
        Integer published = events.publishedVersion(id).orElse(null);
        model.addAttribute("latest", latest);
        model.addAttribute("history", history);
        model.addAttribute("published", published);
        model.addAttribute("live", snapshot.event(id).isPresent());
        model.addAttribute("renamed", events.renamedSteps(latest.event()));
        if (latest.state() == EventVersion.State.DRAFT) {
            model.addAttribute("pendingChanges", VersionDiff.betweenEvents(snapshot.event(id).orElse(null), latest.event()));
        }
        return "editor/event";
    }

    private String save(String id, EventForm sent, String defaultNote, Principal user, Model model, RedirectAttributes flash) {
        LifeEvent event;
        try {
            event = sent.toEvent(knowledgeBase.snapshot());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, id, sent);
        }
        try {
            EventVersion v = events.saveDraft(event, user.getName(), sent.changeNote().isBlank() ? defaultNote : sent.changeNote());
            flash.addFlashAttribute("message", "已保存为第" + v.version() + "版草稿，发布后生效（在“待发布”中等待审核发布）");
            return "redirect:/editor/events/" + v.eventId();
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return form(model, id, sent);
        }
    }

    private EventVersion latest(String id) {
        List<EventVersion> history = events.history(id);
        if (history.isEmpty()) {
            throw new EventNotFound(id);
        }
        return history.get(0);
    }

    private LifeEvent eventOf(String id, Integer version) {
        return version == null ? null : events.version(id, version).map(EventVersion::event).orElse(null);
    }

    public String time(java.time.Instant t) {
        return settings.minutes(t);
    }

    /** The item's name as it is now (its id when it is not live). */
    public String itemName(String itemId) {
        return knowledgeBase.snapshot().item(itemId).map(ServiceItem::name).orElse(itemId);
    }

    /** No such life event. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class EventNotFound extends RuntimeException {
        EventNotFound(String id) {
            super("没有这件事：" + id);
        }
    }
}
