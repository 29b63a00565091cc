package org.askonce.knowledge.editing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.LifeEvent;
import org.askonce.knowledge.ServiceItem;

/**
 * What changed between two versions of an item as a reviewer reads it: field by field with the
 * names of the service guide (事项名称, 申请材料…), a single value as before and after, a list
 * (materials, halls, steps, FAQs) as the lines removed and the lines added. Fields that did not
 * change are left out. A new item (nothing before) shows every field it fills in as added.
 */
public final class VersionDiff {

    /** One changed field: a single value before and after, or for a list the lines removed and added. */
    public record Field(String label, String before, String after, List<String> removed, List<String> added) {

        public boolean isList() {
            return before == null && after == null;
        }
    }

    private VersionDiff() {
    }

    /** The changes from {@code before} (null: a new item) to {@code after}. */
    public static List<Field> between(ServiceItem before, ServiceItem after) {
        List<Field> out = new ArrayList<>();
        value(out, "事项名称", before, after, ServiceItem::name);
        list(out, "别名", before, after, ServiceItem::aliases);
        list(out, "关键词", before, after, ServiceItem::keywords);
        value(out, "实施部门", before, after, ServiceItem::department);
        value(out, "服务对象", before, after, ServiceItem::audience);
        value(out, "事项类型", before, after, ServiceItem::itemType);
        value(out, "受理条件", before, after, ServiceItem::conditions);
        list(out, "申请材料", before, after, i -> i.materials().stream().map(VersionDiff::material).toList());
        value(out, "法定办结时限", before, after, i -> i.timeLimit() == null ? null : days(i.timeLimit().legalDays()));
        value(out, "承诺办结时限", before, after, i -> i.timeLimit() == null ? null : days(i.timeLimit().promisedDays()));
        value(out, "时限说明", before, after, i -> i.timeLimit() == null ? null : i.timeLimit().note());
        value(out, "是否收费", before, after, i -> i.fee() == null ? null : yesNo(i.fee().charged()));
        value(out, "收费标准", before, after, i -> i.fee() == null ? null : i.fee().amount());
        value(out, "收费依据", before, after, i -> i.fee() == null ? null : i.fee().basis());
        value(out, "到现场次数", before, after, i -> i.visits() == null ? null : i.visits() + " 次");
        list(out, "办理地点", before, after, i -> i.halls().stream().map(VersionDiff::hall).toList());
        value(out, "网上办理地址", before, after, i -> i.online() == null ? null : i.online().url());
        value(out, "网办平台", before, after, i -> i.online() == null ? null : i.online().platform());
        value(out, "支持快递", before, after, i -> yesNo(i.express()));
        value(out, "需要预约", before, after, i -> yesNo(i.appointment()));
        list(out, "办理流程", before, after, ServiceItem::process);
        list(out, "设定依据", before, after, ServiceItem::legalBasis);
        value(out, "咨询电话", before, after, ServiceItem::consultPhone);
        value(out, "投诉电话", before, after, ServiceItem::complaintPhone);
        value(out, "最近审核日期", before, after, i -> i.lastReviewed() == null ? null : i.lastReviewed().toString());
        value(out, "信息来源", before, after, ServiceItem::source);
        list(out, "常见问题", before, after, i -> i.faqs().stream().map(VersionDiff::faq).toList());
        return out;
    }

    /**
     * The changes of a life event (一件事) from {@code before} (null: a new event, or one not answered now) to
     * {@code after}: name, summary, wordings, the steps (each as 第N步 item — why — when; a step moved shows as removed
     * and added), note and source.
     */
    public static List<Field> betweenEvents(LifeEvent before, LifeEvent after) {
        List<Field> out = new ArrayList<>();
        value(out, "一件事名称", before, after, LifeEvent::name);
        value(out, "简介", before, after, LifeEvent::summary);
        list(out, "市民的说法", before, after, LifeEvent::wordings);
        list(out, "步骤", before, after, VersionDiff::steps);
        value(out, "提示", before, after, LifeEvent::note);
        value(out, "信息来源", before, after, LifeEvent::source);
        return out;
    }

    /** 第1步 出生登记（新生儿落户）：为什么…；办理情形：… */
    private static List<String> steps(LifeEvent event) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < event.steps().size(); i++) {
            LifeEvent.Step s = event.steps().get(i);
            lines.add("第" + (i + 1) + "步 " + (s.itemName() == null ? s.item() : s.itemName()) + "：" + s.why()
                    + (s.condition() == null ? "" : "；办理情形：" + s.condition()));
        }
        return lines;
    }

    private static <T> void value(List<Field> out, String label, T before, T after, Function<T, String> get) {
        String a = before == null ? null : blankToNull(get.apply(before));
        String b = after == null ? null : blankToNull(get.apply(after));
        if (!Objects.equals(a, b)) {
            out.add(new Field(label, a == null ? "（空）" : a, b == null ? "（空）" : b, List.of(), List.of()));
        }
    }

    private static <T> void list(List<Field> out, String label, T before, T after, Function<T, List<String>> get) {
        List<String> a = before == null ? List.of() : get.apply(before);
        List<String> b = after == null ? List.of() : get.apply(after);
        List<String> removed = a.stream().filter(line -> !b.contains(line)).toList();
        List<String> added = b.stream().filter(line -> !a.contains(line)).toList();
        if (!removed.isEmpty() || !added.isEmpty()) {
            out.add(new Field(label, null, null, removed, added));
        } else if (!a.equals(b)) {
            out.add(new Field(label, null, null, List.of("（原顺序）" + String.join("、", a)), List.of("（新顺序）" + String.join("、", b))));
        }
    }

    /** 身份证（原件，1 份，必需；说明；适用：…；样表：…）. */
    static String material(ServiceItem.Material m) {
        String details = Stream.of(m.form(), m.copies() == null ? null : m.copies() + " 份",
                        m.required() == null ? null : m.required() ? "必需" : "非必需", m.notes(),
                        m.condition() == null ? null : "适用：" + m.condition(), m.sampleUrl() == null ? null : "样表：" + m.sampleUrl())
                .filter(Objects::nonNull).collect(Collectors.joining("，"));
        return details.isEmpty() ? m.name() : m.name() + "（" + details + "）";
    }

    /** 市民中心（上城区，解放东路18号，9:00-17:00，0571-12345）. */
    static String hall(ServiceItem.Hall h) {
        String details = Stream.of(h.district(), h.address(), h.hours(), h.phone()).filter(Objects::nonNull).collect(Collectors.joining("，"));
        return details.isEmpty() ? h.name() : h.name() + "（" + details + "）";
    }

    /** 问：…　答：… */
    static String faq(Faq f) {
        return "问：" + f.question() + (f.similar().isEmpty() ? "" : "（又问：" + String.join("、", f.similar()) + "）") + "　答：" + f.answer();
    }

    private static String days(Integer n) {
        return n == null ? null : n == 0 ? "即办" : n + " 个工作日";
    }

    private static String yesNo(Boolean b) {
        return b == null ? null : b ? "是" : "否";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
