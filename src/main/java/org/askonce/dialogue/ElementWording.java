package org.askonce.dialogue;

import java.util.List;
import java.util.stream.Collectors;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.ServiceItem.Material;
import org.askonce.knowledge.ServiceItem;

/**
 * How an item's elements are worded in an answer: its materials, time limit, fee, places, hours,
 * phones, process, online service, conditions and overview, one by one or several together, and
 * an element the knowledge base does not give with where to ask instead. Without the notice under
 * an answer, which {@link ReplyComposer} adds; halls are worded by {@link HallWording}.
 */
final class ElementWording {

    private final DialogueSettings settings;

    ElementWording(DialogueSettings settings) {
        this.settings = settings;
    }

    /** One element of the item, without the notice under an answer. */
    String body(ServiceItem item, Element element) {
        return switch (element) {
            case MATERIALS -> materials(item);
            case TIME_LIMIT -> timeLimit(item);
            case FEE -> fee(item);
            case LOCATION -> location(item);
            case HOURS -> hours(item);
            case PHONE -> phone(item);
            case PROCESS -> process(item);
            case ONLINE -> online(item);
            case CONDITIONS -> conditions(item);
            case OVERVIEW -> overview(item);
        };
    }

    /** Several elements of one item, each in turn, compactly: the item named once. */
    String elements(ServiceItem item, List<Element> elements) {
        StringBuilder sb = new StringBuilder();
        for (Element e : elements) {
            String body = (e == Element.OVERVIEW ? overviewFacts(item) : body(item, e)).strip();
            if (sb.length() > 0) {
                body = body.startsWith(head(item)) ? body.substring(head(item).length()) : body;
                sb.append("\n\n");
            }
            sb.append(body);
        }
        if (elements.contains(Element.OVERVIEW)) {
            sb.append('\n').append(FOLLOW_UPS);
        }
        return sb.toString();
    }

    /**
     * An answer to a question about one circumstance ("没有户口本能办吗"): the guide's lines about it
     * first, then the answer; or, when the guide says nothing of it, that plainly and where to ask.
     */
    String aboutCircumstance(ServiceItem item, String answer, GuideExcerpts.Found found) {
        String rest = answer.startsWith(head(item)) ? answer.substring(head(item).length()) : answer;
        StringBuilder sb = new StringBuilder(head(item));
        if (found.lines().isEmpty()) {
            sb.append("办事指南中没有写到您问的情况，").append(whereToAsk(item)).append("以下是指南的相关内容：\n");
        } else {
            sb.append("关于您问的情况，办事指南中写明：");
            found.lines().forEach(l -> sb.append("\n· ").append(l));
            sb.append("\n\n");
        }
        return sb.append(rest).toString();
    }

    private static String head(ServiceItem item) {
        return "【" + item.name() + "】";
    }

    /** Not a gap: neither empty nor a placeholder such as 无 (an imported catalogue's way of saying "not given"). */
    private static boolean given(String value) {
        return !ServiceItem.isGap(value);
    }

    /**
     * An element the knowledge base does not give (an imported catalogue's gap): said plainly, with
     * where to ask instead of a guess.
     */
    private String notGiven(ServiceItem item, String what) {
        return head(item) + "暂未提供" + what + "信息。" + whereToAsk(item);
    }

    private String whereToAsk(ServiceItem item) {
        return (given(item.consultPhone()) ? "可拨打咨询电话 " + item.consultPhone().strip() + " 询问"
                : "可拨打" + settings.hotline() + "政务服务热线询问") + "，或回复“人工”找工作人员。";
    }

    private String materials(ServiceItem item) {
        if (item.materials().isEmpty()) {
            return notGiven(item, "申请材料");
        }
        StringBuilder sb = new StringBuilder(head(item)).append("需要准备的材料（共").append(item.materials().size()).append("项）：");
        int n = 1;
        for (Material m : item.materials()) {
            sb.append('\n').append(n++).append(". ").append(m.name());
            List<String> details = new java.util.ArrayList<>();
            if (m.form() != null || m.copies() != null) {
                String form = m.form() == null ? "" : m.form();
                details.add(form + (m.copies() == null ? "" : (form.contains("和") ? "各" : "") + m.copies() + "份"));
            }
            if (Boolean.FALSE.equals(m.required())) {
                details.add(m.whenNeeded());
            }
            if (given(m.notes())) {
                details.add(m.notes().strip());
            }
            if (!details.isEmpty()) {
                sb.append("（").append(String.join("；", details)).append("）");
            }
            if (m.sampleUrl() != null) {
                sb.append(" 样表：").append(m.sampleUrl());
            }
        }
        if (item.materials().stream().anyMatch(m -> m.form() == null && m.copies() == null)) {
            sb.append("\n材料要原件还是复印件、要几份，暂未注明。").append(whereToAsk(item));
        }
        return sb.toString();
    }

    /**
     * The conditions as the guide gives them; a catalogue text cut off after announcing a list
     * ("但下列情形除外：" and nothing more) says that the rest is not given and where to ask.
     */
    private String conditions(ServiceItem item) {
        if (!given(item.conditions())) {
            return notGiven(item, "受理条件");
        }
        String text = item.conditions().strip();
        if (text.endsWith("：") || text.endsWith(":")) {
            text += "\n办事指南在此没有列出具体内容，" + whereToAsk(item);
        }
        return head(item) + "受理条件：\n" + text;
    }

    private String timeLimit(ServiceItem item) {
        var t = item.timeLimit();
        boolean note = t != null && given(t.note());
        if (t == null || t.promisedDays() == null && t.legalDays() == null && !note) {
            return notGiven(item, "办理时限");
        }
        List<String> parts = new java.util.ArrayList<>();
        if (t.promisedDays() != null) {
            parts.add("承诺办结时限：" + (t.promisedDays() == 0 ? "即办（材料齐全当场办结）" : t.promisedDays() + "个工作日"));
        }
        if (t.legalDays() != null) {
            parts.add("法定办结时限：" + t.legalDays() + "个工作日");
        }
        String s = head(item) + String.join("；", parts) + (parts.isEmpty() ? "" : "。");
        if (note) {
            s += (parts.isEmpty() ? "" : "\n") + t.note().strip();
        }
        return s;
    }

    private String fee(ServiceItem item) {
        var f = item.fee();
        if (f == null || f.charged() == null) {
            return notGiven(item, "收费");
        }
        String amount = given(f.amount()) ? f.amount().strip() : "";
        String s = head(item) + (f.charged() ? "收费：" + (amount.isEmpty() ? "标准未注明" : amount)
                : "不收费。" + (amount.contains("不收费") ? "" : amount));
        return given(f.basis()) ? s + "\n收费依据：" + f.basis().strip() : s;
    }

    private String location(ServiceItem item) {
        if (HallWording.withAddress(item.halls()).isEmpty()) {
            return item.online() != null && given(item.online().url())
                    ? head(item) + "暂未提供线下办理地点，可以网上办理：" + online(item)
                    : notGiven(item, "办理地点");
        }
        StringBuilder sb = new StringBuilder(head(item)).append("办理地点：").append(HallWording.addresses(item.halls()));
        String visits = visits(item);
        if (!visits.isEmpty()) {
            sb.append("\n").append(visits);
        }
        if (Boolean.TRUE.equals(item.express())) {
            sb.append("证照可选择快递送达。");
        }
        if (Boolean.TRUE.equals(item.appointment()) && item.online() != null && given(item.online().platform())) {
            sb.append("可在").append(item.online().platform().strip()).append("预约。");
        }
        return sb.toString();
    }

    private String hours(ServiceItem item) {
        String hours = HallWording.hours(item.halls());
        return hours.isEmpty() ? notGiven(item, "办公时间") : head(item) + "办公时间：" + hours;
    }

    private String phone(ServiceItem item) {
        String consult = given(item.consultPhone()) ? item.consultPhone().strip() : null;
        if (consult == null && HallWording.withPhone(item.halls(), consult).isEmpty() && !given(item.complaintPhone())) {
            return head(item) + "暂未提供咨询电话。可拨打" + settings.hotline() + "政务服务热线询问，或回复“人工”找工作人员。";
        }
        StringBuilder sb = new StringBuilder(head(item)).append("咨询电话：")
                .append(consult != null ? consult : "未提供，可拨打" + settings.hotline() + "政务服务热线");
        sb.append(HallWording.phones(item.halls(), consult));
        if (given(item.complaintPhone())) {
            sb.append("\n投诉电话：").append(item.complaintPhone().strip());
        }
        return sb.toString();
    }

    private String process(ServiceItem item) {
        if (item.process().isEmpty()) {
            return notGiven(item, "办理流程");
        }
        StringBuilder sb = new StringBuilder(head(item)).append("办理流程：");
        int n = 1;
        for (String step : item.process()) {
            sb.append('\n').append(n++).append(". ").append(step.strip());
        }
        return sb.toString();
    }

    private String online(ServiceItem item) {
        var o = item.online();
        if (o == null || !given(o.url()) && !given(o.platform())) {
            return notGiven(item, "网上办理");
        }
        StringBuilder sb = new StringBuilder(head(item)).append("可以网上办理");
        if (given(o.platform())) {
            sb.append("：").append(o.platform().strip());
        }
        if (given(o.url())) {
            sb.append("\n办理入口：").append(o.url().strip());
        }
        String visits = visits(item);
        return visits.isEmpty() ? sb.toString() : sb.append('\n').append(visits).toString();
    }

    private static String visits(ServiceItem item) {
        if (item.visits() == null) {
            return "";
        }
        return switch (item.visits()) {
            case 0 -> "全程网办，无需到现场（零次跑）。";
            case 1 -> "最多跑一次。";
            default -> "需到现场" + item.visits() + "次。";
        };
    }

    private static final String FOLLOW_UPS = "您可以接着问：要带什么材料、多久办好、收费吗、在哪办、几点上班、办理流程、办理条件、咨询电话。";

    private String overview(ServiceItem item) {
        return overviewFacts(item) + FOLLOW_UPS;
    }

    /** The item in brief: department, time limit, fee, the first materials, the first hall, online service. */
    private String overviewFacts(ServiceItem item) {
        StringBuilder sb = new StringBuilder(head(item)).append(item.department()).append("\n");
        var t = item.timeLimit();
        sb.append("· 办理时限：").append(t == null || t.promisedDays() == null ? (t != null && t.legalDays() != null ? "法定" + t.legalDays() + "个工作日" : "未提供")
                : t.promisedDays() == 0 ? "即办" : "承诺" + t.promisedDays() + "个工作日").append('\n');
        var f = item.fee();
        sb.append("· 收费：").append(f == null || f.charged() == null ? "未提供" : f.charged() ? (given(f.amount()) ? f.amount().strip() : "收费") : "不收费")
                .append('\n');
        List<Material> required = item.materials().stream().filter(m -> !Boolean.FALSE.equals(m.required())).toList();
        if (required.isEmpty()) {
            required = item.materials(); // every one optional: name them anyway
        }
        sb.append("· 材料：").append(item.materials().isEmpty() ? "未提供"
                        : required.stream().limit(3).map(Material::name).collect(Collectors.joining("、")))
                .append(item.materials().size() > 3 ? "等" + item.materials().size() + "项" : "").append('\n');
        sb.append("· 地点：").append(HallWording.inBrief(item.halls())).append('\n');
        var o = item.online();
        if (o != null && (given(o.platform()) || given(o.url()))) {
            String visits = visits(item).replace("。", "");
            sb.append("· 网上办理：").append(given(o.platform()) ? o.platform().strip() : "可以").append(visits.isEmpty() ? "" : "（" + visits + "）")
                    .append('\n');
        }
        return sb.toString();
    }
}
