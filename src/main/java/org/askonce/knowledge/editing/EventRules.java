package org.askonce.knowledge.editing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;

/**
 * The rules a life event's draft must keep before it is saved or published, all reported at once in
 * Chinese (the id, then the folder's rules among the live items and the other live events), and the
 * step item names taken from the live items.
 */
final class EventRules {

    /** A new event needs at least this many steps: one item alone is an item, not a life event. */
    static final int MIN_STEPS = 2;
    private static final int MAX_ID = 60;

    private final KnowledgeBase knowledgeBase;
    private final EventVersionStore versions;

    EventRules(KnowledgeBase knowledgeBase, EventVersionStore versions) {
        this.knowledgeBase = knowledgeBase;
        this.versions = versions;
    }

    /**
     * Every rule at once: the id, then the folder's rules among the live items and the other live events.
     *
     * @throws IllegalArgumentException listing every problem at once, in Chinese
     */
    void check(LifeEvent event) {
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
        int published = snapshot.event(id).map(e -> e.steps().size()).orElseGet(() -> versions.history(id).stream()
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

    /** The event with each step's item name as the live item has it (a step of an unknown item keeps what it had). */
    LifeEvent withItemNames(LifeEvent event) {
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        List<LifeEvent.Step> steps = event.steps().stream().map(s -> s == null || s.item() == null ? s
                : new LifeEvent.Step(s.item(), snapshot.item(s.item()).map(ServiceItem::name).orElse(s.itemName()), s.why(), s.condition()))
                .toList();
        return new LifeEvent(event.id(), event.name(), event.wordings(), event.summary(), steps, event.note(), event.source());
    }

    /** The steps whose item has been renamed since the step was written: index to the item's present name. */
    Map<Integer, String> renamedSteps(LifeEvent event) {
        KnowledgeSnapshot snapshot = knowledgeBase.snapshot();
        Map<Integer, String> renamed = new TreeMap<>();
        for (int i = 0; i < event.steps().size(); i++) {
            LifeEvent.Step step = event.steps().get(i);
            String now = snapshot.item(step.item()).map(ServiceItem::name).orElse(null);
            if (now != null && step.itemName() != null && !now.equals(step.itemName())) {
                renamed.put(i, now);
            }
        }
        return renamed;
    }
}
