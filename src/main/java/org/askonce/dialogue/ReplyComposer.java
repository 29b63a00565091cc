package org.askonce.dialogue;

import java.util.List;
import java.util.stream.Collectors;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.ServiceItem;
import org.askonce.knowledge.ServiceItem.Hall;
import org.askonce.knowledge.ServiceItem.Material;

/** The Chinese wording of every reply. One place, so every channel says the same. */
final class ReplyComposer {

    private final DialogueSettings settings;

    ReplyComposer(DialogueSettings settings) {
        this.settings = settings;
    }

    String element(ServiceItem item, Element element) {
        String body = switch (element) {
            case MATERIALS -> materials(item);
            case TIME_LIMIT -> timeLimit(item);
            case FEE -> fee(item);
            case LOCATION -> location(item);
            case HOURS -> hours(item);
            case PHONE -> phone(item);
            case PROCESS -> process(item);
            case ONLINE -> online(item);
            case CONDITIONS -> "【" + item.name() + "】受理条件：\n" + item.conditions().strip();
            case OVERVIEW -> overview(item);
        };
        return body + notice();
    }

    private String materials(ServiceItem item) {
        StringBuilder sb = new StringBuilder("【").append(item.name()).append("】需要准备的材料（共")
                .append(item.materials().size()).append("项）：");
        int n = 1;
        for (Material m : item.materials()) {
            sb.append('\n').append(n++).append(". ").append(m.name()).append("（").append(m.form()).append(m.form().contains("和") ? "各" : "").append(m.copies()).append("份");
            if (!m.required()) {
                sb.append("；").append(m.condition() == null ? "视情况提供" : m.condition() + "需提供");
            }
            if (m.notes() != null && !m.notes().isBlank()) {
                sb.append("；").append(m.notes().strip());
            }
            sb.append("）");
            if (m.sampleUrl() != null) {
                sb.append(" 样表：").append(m.sampleUrl());
            }
        }
        return sb.toString();
    }

    private String timeLimit(ServiceItem item) {
        var t = item.timeLimit();
        String promised = t.promisedDays() == 0 ? "即办（材料齐全当场办结）" : t.promisedDays() + "个工作日";
        String s = "【" + item.name() + "】承诺办结时限：" + promised + "；法定办结时限：" + t.legalDays() + "个工作日。";
        if (t.note() != null && !t.note().isBlank()) {
            s += "\n" + t.note().strip();
        }
        return s;
    }

    private String fee(ServiceItem item) {
        var f = item.fee();
        String s = "【" + item.name() + "】" + (f.charged() ? "收费：" + f.amount().strip() : "不收费。" + (f.amount().contains("不收费") ? "" : f.amount().strip()));
        return s + "\n收费依据：" + f.basis().strip();
    }

    private String location(ServiceItem item) {
        StringBuilder sb = new StringBuilder("【").append(item.name()).append("】办理地点：");
        for (Hall h : item.halls()) {
            sb.append("\n· ").append(h.name()).append("：").append(h.address()).append("（电话 ").append(h.phone()).append("）");
        }
        sb.append("\n").append(visits(item));
        if (item.express()) {
            sb.append("证照可选择快递送达。");
        }
        if (item.appointment()) {
            sb.append("可在").append(item.online().platform()).append("预约。");
        }
        return sb.toString();
    }

    private String hours(ServiceItem item) {
        StringBuilder sb = new StringBuilder("【").append(item.name()).append("】办公时间：");
        for (Hall h : item.halls()) {
            sb.append("\n· ").append(h.name()).append("：").append(h.hours());
        }
        return sb.toString();
    }

    private String phone(ServiceItem item) {
        StringBuilder sb = new StringBuilder("【").append(item.name()).append("】咨询电话：").append(item.consultPhone());
        for (Hall h : item.halls()) {
            if (!h.phone().equals(item.consultPhone())) {
                sb.append("\n· ").append(h.name()).append("：").append(h.phone());
            }
        }
        sb.append("\n投诉电话：").append(item.complaintPhone());
        return sb.toString();
    }

    private String process(ServiceItem item) {
        StringBuilder sb = new StringBuilder("【").append(item.name()).append("】办理流程：");
        int n = 1;
        for (String step : item.process()) {
            sb.append('\n').append(n++).append(". ").append(step.strip());
        }
        return sb.toString();
    }

    private String online(ServiceItem item) {
        return "【" + item.name() + "】可以网上办理：" + item.online().platform() + "\n办理入口：" + item.online().url()
                + "\n" + visits(item);
    }

    private static String visits(ServiceItem item) {
        return item.visits() == 0 ? "全程网办，无需到现场（零次跑）。" : "最多跑一次。";
    }

    private String overview(ServiceItem item) {
        StringBuilder sb = new StringBuilder("【").append(item.name()).append("】").append(item.department()).append("\n");
        var t = item.timeLimit();
        sb.append("· 办理时限：").append(t.promisedDays() == 0 ? "即办" : "承诺" + t.promisedDays() + "个工作日").append('\n');
        sb.append("· 收费：").append(item.fee().charged() ? item.fee().amount().strip() : "不收费").append('\n');
        List<Material> required = item.materials().stream().filter(Material::required).toList();
        sb.append("· 材料：").append(required.stream().limit(3).map(Material::name).collect(Collectors.joining("、")))
                .append(item.materials().size() > 3 ? "等" + item.materials().size() + "项" : "").append('\n');
        Hall first = item.halls().get(0);
        sb.append("· 地点：").append(first.name()).append(item.halls().size() > 1 ? "等" + item.halls().size() + "处" : "").append('\n');
        sb.append("· 网上办理：").append(item.online().platform()).append("（").append(visits(item).replace("。", "")).append("）\n");
        sb.append("您可以接着问：要带什么材料、多久办好、收费吗、在哪办、几点上班、办理流程、办理条件、咨询电话。");
        return sb.toString();
    }

    String faq(Faq faq, ServiceItem item) {
        String head = item == null ? "" : "【" + item.name() + "】";
        return head + faq.answer().strip() + notice();
    }

    String menu(List<ServiceItem> options) {
        StringBuilder sb = new StringBuilder("您想问的是下面哪一项？请回复序号：");
        for (int i = 0; i < options.size(); i++) {
            sb.append('\n').append(i + 1).append(". ").append(options.get(i).name());
        }
        return sb.append("\n都不是的话，请换个说法，或回复“人工”。").toString();
    }

    String confirm(ServiceItem option) {
        return "您是想问“" + option.name() + "”吗？回复“是”或“1”查看，不是的话请换个说法。";
    }

    String notUnderstood() {
        return "抱歉，这个问题我还没听明白。可以说说您要办什么事，比如“办护照要带什么材料”“公积金租房提取多久到账”；"
                + "也可以回复“人工”找工作人员，或拨打" + settings.hotline() + "政务服务热线。";
    }

    String outOfScope() {
        return "抱歉，这个问题不在我的服务范围内。我是杭州市政务服务助手，可以解答办事要带的材料、办理时限、地点、收费等问题。"
                + "其他问题可拨打" + settings.hotline() + "热线咨询。";
    }

    String otherCity(String place) {
        return "我只能解答杭州市的政务服务事项。" + place + "的办事问题，请咨询当地政务服务网或拨打当地" + settings.hotline()
                + "热线。如果您问的是在杭州办理，请告诉我具体事项。";
    }

    String handoff(HandoffRequested.Reason reason) {
        return switch (reason) {
            case COMPLAINT -> "非常抱歉给您带来不好的体验。已为您转接人工客服，工作人员会在这里回复您；您也可以拨打"
                    + settings.hotline() + "热线投诉。";
            case NOT_SURE_TWICE -> "这个问题我暂时回答不好，已为您转接人工客服，工作人员会在这里回复您，请稍候。"
                    + "也可以拨打" + settings.hotline() + "政务服务热线。";
            case INTERNAL_ERROR -> "抱歉，系统暂时无法回答这个问题，已为您转接人工客服，工作人员会在这里回复您。也可以拨打"
                    + settings.hotline() + "政务服务热线。";
            case CITIZEN_ASKED -> "好的，已为您转接人工客服，工作人员会在这里回复您，请稍候。也可以拨打" + settings.hotline() + "政务服务热线。";
            case DISSATISFIED -> "已为您转接人工客服，工作人员会在这里回复您，请稍候。也可以拨打" + settings.hotline() + "政务服务热线。";
        };
    }

    /** After hours: the question is kept, and the citizen is told when people will answer it. */
    String handoffAfterHours(HandoffRequested.Reason reason, java.time.ZonedDateTime opening) {
        String when = opening.getMonthValue() + "月" + opening.getDayOfMonth() + "日（" + WEEKDAYS[opening.getDayOfWeek().getValue() - 1]
                + "）" + opening.getHour() + ":" + String.format("%02d", opening.getMinute());
        String sorry = reason == HandoffRequested.Reason.COMPLAINT ? "非常抱歉给您带来不好的体验。" : "";
        return sorry + "现在是非工作时间，人工客服暂时不在。您的问题已经记录，工作人员将在" + when
                + "上班后尽快在这里回复您，无需重复提问。急事可拨打" + settings.hotline() + "政务服务热线。";
    }

    private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    String passedToPerson() {
        return "您的消息已转给人工客服，工作人员会在这里回复您。如不再需要，回复“不用了”。";
    }

    String handoffCancelled() {
        return "好的，已取消人工服务。您可以继续向我提问。";
    }

    String rated(int rating, boolean handoff) {
        if (rating < 3) {
            return "感谢您的评价！还有其他问题可以继续问我。";
        }
        return handoff ? "很抱歉这次没能让您满意，我们会认真改进。您还可以继续提问，或拨打" + settings.hotline() + "政务服务热线。"
                : "很抱歉没能帮到您。请把您的问题再说一次，我会请工作人员来回答您。";
    }

    String greeting() {
        return "您好！我是杭州政务服务助手“最多问一次”。您可以直接问办事要带什么材料、多久办好、在哪办、收费吗，"
                + "比如“办护照要带什么材料”“狗证在哪办”。";
    }

    String thanks() {
        return "不客气！还有其他问题随时问我。";
    }

    String noneOfThese() {
        return "好的。请换个说法描述您要办的事，或回复“人工”找工作人员。";
    }

    String empty() {
        return "请告诉我您想办理的事项或问题，比如“办身份证要带什么材料”。";
    }

    private String notice() {
        return settings.notice().isEmpty() ? "" : "\n" + settings.notice();
    }
}
