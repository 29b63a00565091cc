package org.askonce.knowledge.editing;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.askonce.knowledge.EditorSettings;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.Mappers;
import org.askonce.knowledge.ServiceItem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The knowledge editor console (editors, reviewers, admins): items to search, an item's materials as
 * an editable list and the whole item in the knowledge-base YAML format, saved as drafts; the item's
 * versions to compare, and for those with the publish right to publish and roll back to. (The Q&A
 * agents proposed, listed on the same page, are adopted or rejected through {@link ProposalController}.)
 */
@Controller
@RequestMapping("/editor")
class EditorConsoleController {

    private final KnowledgeBase knowledgeBase;
    private final KnowledgeEditor editor;
    private final KnowledgeDrafts drafts;
    private final EditorSettings settings;

    EditorConsoleController(KnowledgeBase knowledgeBase, KnowledgeEditor editor, KnowledgeDrafts drafts, EditorSettings settings) {
        this.knowledgeBase = knowledgeBase;
        this.editor = editor;
        this.drafts = drafts;
        this.settings = settings;
    }

    @GetMapping
    String items(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
        String query = q.strip().toLowerCase(Locale.ROOT);
        List<ServiceItem> items = knowledgeBase.snapshot().items().stream()
                .filter(i -> query.isEmpty() || i.name().toLowerCase(Locale.ROOT).contains(query) || i.id().contains(query)
                        || i.department().contains(query) || i.aliases().stream().anyMatch(a -> a.contains(query)))
                .toList();
        // an imported catalogue has thousands of items: a page at a time
        int size = EditorSettings.PAGE_SIZE;
        int pages = Math.max(1, (items.size() + size - 1) / size);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("q", q);
        model.addAttribute("total", items.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("items", items.subList((current - 1) * size, Math.min(items.size(), current * size)));
        model.addAttribute("returned", editor.returnedDrafts());
        model.addAttribute("proposals", drafts.proposed());
        model.addAttribute("allItems", knowledgeBase.snapshot().items());
        model.addAttribute("log", editor.auditLog(null, 15));
        model.addAttribute("view", this);
        return "editor/items";
    }

    /** A new item, written in the knowledge-base YAML format (an existing item's YAML is the starting point). */
    @GetMapping("/new")
    String newItem(Model model) {
        if (!model.containsAttribute("yaml")) {
            String template = knowledgeBase.snapshot().items().stream().findFirst().map(EditorConsoleController::yaml).orElse("id: \n");
            model.addAttribute("yaml", template.replaceFirst("(?m)^id: .*$", "id: new-item-id").replaceFirst("(?m)^name: .*$", "name: 新事项名称"));
        }
        return "editor/new";
    }

    @PostMapping("/new")
    String createItem(@RequestParam String yaml, Principal user, RedirectAttributes flash) {
        ServiceItem item = parse(yaml, flash);
        if (item == null) {
            return "redirect:/editor/new";
        }
        if (item.id() != null && !editor.history(item.id()).isEmpty()) {
            flash.addFlashAttribute("error", "事项编号 " + item.id() + " 已存在，请换一个，或到该事项页面修改");
            flash.addFlashAttribute("yaml", yaml);
            return "redirect:/editor/new";
        }
        try {
            String id = item.id();
            ItemVersion v = editor.saveDraft(item.withFaqs(item.faqs().stream().map(f -> f.withItemId(id)).toList()), user.getName(), "新建事项");
            flash.addFlashAttribute("message", "新事项已保存为草稿（第" + v.version() + "版），发布后市民才能查到");
            return "redirect:/editor/items/" + id;
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("yaml", yaml);
            return "redirect:/editor/new";
        }
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable String id, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
                Model model) {
        List<ItemVersion> history = editor.history(id);
        if (history.isEmpty()) {
            throw new ItemNotFound(id);
        }
        ItemVersion latest = history.get(0);
        Integer published = history.stream().filter(v -> v.state() == ItemVersion.State.PUBLISHED)
                .map(ItemVersion::version).findFirst().orElse(null);
        model.addAttribute("item", latest.item());
        model.addAttribute("published", published);
        if (latest.state() == ItemVersion.State.DRAFT && (published == null || latest.version() > published)) {
            // the draft waiting, with what it changes, next to the buttons that publish it or send it back
            model.addAttribute("pendingChanges", VersionDiff.between(itemOf(id, published), latest.item()));
        }
        model.addAttribute("latest", latest);
        model.addAttribute("history", history);
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", yaml(latest.item()));
        }
        if (from != null && to != null) {
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("changes", VersionDiff.between(itemOf(id, from), itemOf(id, to)));
        }
        model.addAttribute("view", this);
        return "editor/item";
    }

    /** The materials as an editable list: one row per material; a row without a name is dropped. */
    @PostMapping("/items/{id}/materials")
    String saveMaterials(@PathVariable String id, @RequestParam org.springframework.util.MultiValueMap<String, String> rows,
                         @RequestParam(defaultValue = "") String note, Principal user, RedirectAttributes flash) {
        // the rows as sent: a List<String> parameter would split a single value at its commas ("身份证,户口簿")
        List<String> names = rows.getOrDefault("name", List.of());
        List<String> forms = rows.getOrDefault("form", List.of());
        List<String> copies = rows.getOrDefault("copies", List.of());
        List<String> required = rows.getOrDefault("required", List.of());
        List<String> notes = rows.getOrDefault("notes", List.of());
        ServiceItem base = editor.history(id).stream().findFirst().orElseThrow(() -> new ItemNotFound(id)).item();
        List<ServiceItem.Material> materials = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                continue;
            }
            // an empty form, count or "required" is a gap ("未注明"), kept as one
            String copiesText = at(copies, i, "").strip();
            Integer n = null;
            if (!copiesText.isEmpty()) {
                try {
                    n = Integer.parseInt(copiesText);
                } catch (NumberFormatException e) {
                    problems.add("第" + (i + 1) + "行份数不是数字：" + copiesText);
                    continue;
                }
            }
            String form = at(forms, i, "").strip();
            String requiredText = at(required, i, "").strip();
            // what the list does not show (condition, sample link) stays with the material of that name
            ServiceItem.Material old = base.materials().stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElse(i < base.materials().size() ? base.materials().get(i) : null);
            String notesText = at(notes, i, "").strip();
            materials.add(new ServiceItem.Material(name, form.isEmpty() ? null : form, n, requiredText.isEmpty() ? null : !"否".equals(requiredText),
                    old == null ? null : old.condition(), notesText.isEmpty() ? null : notesText, old == null ? null : old.sampleUrl()));
        }
        if (!problems.isEmpty()) {
            flash.addFlashAttribute("error", String.join("；", problems));
            return "redirect:/editor/items/" + id;
        }
        return save(id, base.withMaterials(materials), note.isBlank() ? "修改材料" : note, user, flash);
    }

    /** The whole item in the knowledge-base YAML format. */
    @PostMapping("/items/{id}/yaml")
    String saveYaml(@PathVariable String id, @RequestParam String yaml, @RequestParam(defaultValue = "") String note, Principal user,
                    RedirectAttributes flash) {
        ServiceItem item = parse(yaml, flash);
        if (item == null) {
            return "redirect:/editor/items/" + id;
        }
        if (!id.equals(item.id())) {
            flash.addFlashAttribute("error", "事项编号不能改（应为 " + id + "）");
            flash.addFlashAttribute("yaml", yaml);
            return "redirect:/editor/items/" + id;
        }
        item = item.withFaqs(item.faqs().stream().map(f -> f.withItemId(id)).toList());
        String result = save(id, item, note.isBlank() ? "修改事项" : note, user, flash);
        if (flash.getFlashAttributes().containsKey("error")) {
            flash.addFlashAttribute("yaml", yaml);
        }
        return result;
    }

    /** Reviewers and admins only (see the security configuration); {@code back=review} returns to the review queue. */
    @PostMapping("/items/{id}/versions/{version}/publish")
    String publish(@PathVariable String id, @PathVariable int version, @RequestParam(defaultValue = "") String back, Principal user,
                   RedirectAttributes flash) {
        try {
            editor.publish(id, version, user.getName());
            flash.addFlashAttribute("message", "事项 " + id + " 第" + version + "版已发布，几秒钟内市民就能查到");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "review".equals(back) ? "redirect:/editor/review" : "redirect:/editor/items/" + id;
    }

    /** The confirmation step before publishing: what the version changes against the published one, and the button. */
    @GetMapping("/items/{id}/versions/{version}/publish")
    String confirmPublish(@PathVariable String id, @PathVariable int version, @RequestParam(defaultValue = "") String back, Model model) {
        org.askonce.accounts.PublishRight.requireForCurrentUser();
        ItemVersion v = versionOrNotFound(id, version);
        Integer published = publishedVersion(id);
        model.addAttribute("action", "publish");
        model.addAttribute("v", v);
        model.addAttribute("published", published);
        model.addAttribute("changes", VersionDiff.between(itemOf(id, published), v.item()));
        model.addAttribute("back", back);
        model.addAttribute("view", this);
        return "editor/confirm";
    }

    /** The confirmation step before rolling back: what citizens get now against what they would get again. */
    @GetMapping("/items/{id}/versions/{version}/rollback")
    String confirmRollBack(@PathVariable String id, @PathVariable int version, Model model) {
        org.askonce.accounts.PublishRight.requireForCurrentUser();
        ItemVersion v = versionOrNotFound(id, version);
        Integer published = publishedVersion(id);
        model.addAttribute("action", "rollback");
        model.addAttribute("v", v);
        model.addAttribute("published", published);
        model.addAttribute("changes", VersionDiff.between(itemOf(id, published), v.item()));
        model.addAttribute("back", "");
        model.addAttribute("view", this);
        return "editor/confirm";
    }

    /** A reviewer sends a draft back to its editor with a comment (required); {@code back=review} returns to the review queue. */
    @PostMapping("/items/{id}/versions/{version}/return")
    String sendBack(@PathVariable String id, @PathVariable int version, @RequestParam(defaultValue = "") String comment,
                    @RequestParam(defaultValue = "") String back, Principal user, RedirectAttributes flash) {
        try {
            ItemVersion v = editor.returnDraft(id, version, user.getName(), comment);
            flash.addFlashAttribute("message", "已把“" + v.item().name() + "”第" + version + "版退回给 " + v.author()
                    + "，对方会在知识库首页和事项页看到您的意见");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", "未能退回：" + e.getMessage());
            return "redirect:/editor/items/" + id + "/versions/" + version + "/publish" + ("review".equals(back) ? "?back=review" : "");
        }
        return "review".equals(back) ? "redirect:/editor/review" : "redirect:/editor/items/" + id;
    }

    private ItemVersion versionOrNotFound(String id, int version) {
        return editor.version(id, version).orElseThrow(() -> new ItemNotFound(id + " 第" + version + "版"));
    }

    private Integer publishedVersion(String id) {
        return editor.history(id).stream().filter(v -> v.state() == ItemVersion.State.PUBLISHED).map(ItemVersion::version).findFirst()
                .orElse(null);
    }

    /** The item as it was in a version; null for no version (a new item has nothing published). */
    private ServiceItem itemOf(String id, Integer version) {
        return version == null ? null : editor.version(id, version).map(ItemVersion::item).orElse(null);
    }

    @PostMapping("/items/{id}/versions/{version}/rollback")
    String rollBack(@PathVariable String id, @PathVariable int version, Principal user, RedirectAttributes flash) {
        try {
            ItemVersion v = editor.rollBack(id, version, user.getName());
            flash.addFlashAttribute("message", "已回滚到第" + version + "版（新版本第" + v.version() + "版，已发布）");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/editor/items/" + id;
    }

    private String save(String id, ServiceItem item, String note, Principal user, RedirectAttributes flash) {
        try {
            ItemVersion v = editor.saveDraft(item, user.getName(), note);
            flash.addFlashAttribute("message", "已保存为第" + v.version() + "版草稿，发布后生效（在“待发布”中等待审核发布）");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/editor/items/" + id;
    }

    /** The item written in YAML, or null with the error (and the text, to correct it) flashed. */
    private static ServiceItem parse(String yaml, RedirectAttributes flash) {
        try {
            return Mappers.fromYaml(yaml, ServiceItem.class);
        } catch (JsonProcessingException e) {
            flash.addFlashAttribute("error", "YAML 格式有误（第" + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "行）："
                    + e.getOriginalMessage());
            flash.addFlashAttribute("yaml", yaml);
            return null;
        }
    }

    private static String at(List<String> values, int i, String otherwise) {
        return i < values.size() ? values.get(i) : otherwise;
    }

    static String yaml(ServiceItem item) {
        try {
            return Mappers.toYaml(item.withFaqs(item.faqs().stream().map(f -> f.withItemId(null)).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String time(java.time.Instant t) {
        return settings.minutes(t);
    }

    /** No such item. */
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
    static class ItemNotFound extends RuntimeException {
        ItemNotFound(String id) {
            super("没有这个事项：" + id);
        }
    }
}
