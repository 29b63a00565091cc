package org.askonce.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem.Material;
import org.askonce.knowledge.ServiceItem;

/**
 * The Chinese reply about a life event (一件事): its steps in order with why and when each is
 * needed, which steps can be done together (the same department's window, or online), one merged
 * list of materials (a material several steps need is listed once, with what each step needs of
 * it), and the offers: a step's details by its number, booking for the steps that take bookings.
 */
final class LifeEventReply {

    /** Materials listed at most; the rest are counted (a step's details list them all). */
    static final int MATERIALS_SHOWN = 10;

    private LifeEventReply() {
    }

    /** The reply; {@code items} are the event's steps' items, in order. */
    static String of(LifeEvent event, List<ServiceItem> items) {
        StringBuilder sb = new StringBuilder("【").append(event.name()).append("】");
        if (event.summary() != null && !event.summary().isBlank()) {
            sb.append(event.summary().strip());
        }
        sb.append("\n共").append(items.size()).append("步，按顺序办理：");
        for (int i = 0; i < items.size(); i++) {
            LifeEvent.Step step = event.steps().get(i);
            sb.append('\n').append(i + 1).append(". ").append(items.get(i).name());
            if (step.condition() != null && !step.condition().isBlank()) {
                sb.append("（").append(step.condition().strip()).append("）");
            }
            sb.append("：").append(step.why().strip());
        }
        String together = together(items);
        if (!together.isEmpty()) {
            sb.append("\n可以一起办：").append(together);
        }
        sb.append(materials(items));
        if (event.note() != null && !event.note().isBlank()) {
            sb.append("\n提示：").append(event.note().strip());
        }
        sb.append("\n回复序号查看某一步的详情（材料、地点、时限等）");
        List<Integer> bookable = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (Boolean.TRUE.equals(items.get(i).appointment())) {
                bookable.add(i + 1);
            }
        }
        if (!bookable.isEmpty()) {
            sb.append("；").append(bookable.size() == items.size() && items.size() > 1 ? "各步都" : "第" + steps(bookable) + "步")
                    .append("可预约，查看该步详情后回复“我要预约”");
        }
        return sb.append("。").toString();
    }

    /**
     * Steps handled by the same department (one window can take them together), and the steps that
     * can be done online; empty when neither.
     */
    static String together(List<ServiceItem> items) {
        Map<String, List<Integer>> byDepartment = new LinkedHashMap<>();
        List<Integer> online = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            byDepartment.computeIfAbsent(items.get(i).department(), k -> new ArrayList<>()).add(i + 1);
            if (items.get(i).online() != null && items.get(i).online().url() != null) {
                online.add(i + 1);
            }
        }
        List<String> parts = new ArrayList<>();
        byDepartment.forEach((department, steps) -> {
            if (steps.size() > 1) {
                parts.add("第" + steps(steps) + "步都由" + department + "办理，可在同一窗口一并办");
            }
        });
        if (online.size() > 1) {
            parts.add((online.size() == items.size() ? "全部" + items.size() + "步" : "第" + steps(online) + "步") + "都可在网上办理（浙里办）");
        }
        return String.join("；", parts) + (parts.isEmpty() ? "" : "。");
    }

    /** The materials of all steps, each once, with the steps that need it and how (原件1份). */
    static String materials(List<ServiceItem> items) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            for (Material m : items.get(i).materials()) {
                String need = "第" + (i + 1) + "步" + how(m);
                byName.computeIfAbsent(m.name().strip(), k -> new ArrayList<>()).add(need);
            }
        }
        if (byName.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\n材料合并清单（几步都要的材料只列一次）：");
        int shown = 0;
        for (Map.Entry<String, List<String>> e : byName.entrySet()) {
            if (shown == MATERIALS_SHOWN) {
                sb.append("\n· 另有").append(byName.size() - shown).append("项，见各步详情");
                break;
            }
            sb.append("\n· ").append(e.getKey()).append("（").append(String.join("；", e.getValue())).append("）");
            shown++;
        }
        return sb.toString();
    }

    private static String how(Material m) {
        String form = m.form() == null ? "" : m.form();
        String copies = m.copies() == null ? "" : m.copies() + "份";
        String when = Boolean.FALSE.equals(m.required()) ? "，" + m.whenNeeded() : "";
        return form + copies + when;
    }

    private static String steps(List<Integer> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining("、"));
    }
}
