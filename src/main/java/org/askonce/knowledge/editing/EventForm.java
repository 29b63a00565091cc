package org.askonce.knowledge.editing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;
import org.springframework.util.MultiValueMap;

/** The form of a life event as shown (from a version) or as the editor sent it (shown again with the problems). */
public record EventForm(String id, String name, String summary, String wordings, String note, String source, List<StepRow> steps,
                        String changeNote) {

    static EventForm of(LifeEvent e, KnowledgeSnapshot live, int emptyRows) {
        List<StepRow> rows = new ArrayList<>();
        for (int i = 0; i < e.steps().size(); i++) {
            LifeEvent.Step s = e.steps().get(i);
            String item = live.item(s.item()).map(ServiceItem::name).orElse(s.item());
            rows.add(new StepRow(item, s.why(), s.condition(), String.valueOf(i + 1)));
        }
        for (int i = 0; i < emptyRows; i++) {
            rows.add(new StepRow("", "", "", String.valueOf(rows.size() + 1)));
        }
        return new EventForm(e.id(), e.name(), e.summary(), String.join("\n", e.wordings()), e.note(), e.source(), rows, "");
    }

    /** One step row of the form as shown and as sent: the item (its name, or its id), why, when, the order number. */
    public record StepRow(String item, String why, String condition, String order) {
    }

    /** The form as sent: the rows as they came (a List parameter would split a single value at its commas). */
    static EventForm sent(MultiValueMap<String, String> params) {
        List<String> items = params.getOrDefault("stepItem", List.of());
        List<String> whys = params.getOrDefault("stepWhy", List.of());
        List<String> conditions = params.getOrDefault("stepCondition", List.of());
        List<String> orders = params.getOrDefault("stepOrder", List.of());
        List<String> removed = params.getOrDefault("stepRemove", List.of());
        List<StepRow> rows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (removed.contains(String.valueOf(i))) {
                continue;
            }
            rows.add(new StepRow(at(items, i).strip(), at(whys, i).strip(), at(conditions, i).strip(), at(orders, i).strip()));
        }
        return new EventForm(first(params, "id"), first(params, "name"), first(params, "summary"), first(params, "wordings"),
                first(params, "note"), first(params, "source"), rows, first(params, "changeNote"));
    }

    /**
     * The event this form describes: wordings one a line (blank lines dropped), the step rows in the order of their numbers
     * (an empty row dropped), each row's item found by its name or id among the live items.
     *
     * @throws IllegalArgumentException an order that is not a whole number
     */
    LifeEvent toEvent(KnowledgeSnapshot live) {
        List<String> problems = new ArrayList<>();
        record Numbered(int order, int row, LifeEvent.Step step) {
        }
        List<Numbered> numbered = new ArrayList<>();
        for (int i = 0; i < steps().size(); i++) {
            StepRow row = steps().get(i);
            if (row.item().isEmpty() && row.why().isEmpty() && row.condition().isEmpty()) {
                continue;
            }
            int order = i + 1;
            if (!row.order().isEmpty()) {
                try {
                    order = Integer.parseInt(row.order());
                } catch (NumberFormatException e) {
                    problems.add("第" + (i + 1) + "行步骤的顺序“" + row.order() + "”不是整数（顺序）");
                }
            }
            String itemId = live.itemByName(row.item()).map(ServiceItem::id).orElse(row.item());
            numbered.add(new Numbered(order, i, new LifeEvent.Step(itemId.isEmpty() ? null : itemId, null,
                    row.why().isEmpty() ? null : row.why(), row.condition().isEmpty() ? null : row.condition())));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("；", problems));
        }
        List<LifeEvent.Step> steps = numbered.stream().sorted(Comparator.comparingInt(Numbered::order).thenComparingInt(Numbered::row))
                .map(Numbered::step).toList();
        List<String> wordings = wordings().lines().map(String::strip).filter(w -> !w.isEmpty()).toList();
        return new LifeEvent(id().strip(), name().strip(), wordings, blankToNull(summary()), steps, blankToNull(note()),
                source().strip());
    }

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static String at(List<String> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i) : "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
