package org.askonce.dialogue;

import java.util.List;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.Faq;
import org.askonce.knowledge.ServiceItem;

/**
 * The Chinese wording of every reply. One place, so every channel says the same: menus, notices,
 * hand-offs and ratings here, an item's elements in {@link ElementWording}, halls in {@link HallWording}.
 */
final class ReplyComposer {

    private final DialogueSettings settings;
    private final ElementWording elementWording;

    ReplyComposer(DialogueSettings settings) {
        this.settings = settings;
        this.elementWording = new ElementWording(settings);
    }

    /** One element of the item, with the notice under an answer. */
    String element(ServiceItem item, Element element) {
        return elementWording.body(item, element) + notice();
    }

    /** Several elements of one item, each in turn, compactly: the item named once, the notice once. */
    String elements(ServiceItem item, List<Element> elements) {
        return elementWording.elements(item, elements) + notice();
    }

    /**
     * An answer to a question about one circumstance ("没有户口本能办吗"): the guide's lines about it
     * first, then the answer; or, when the guide says nothing of it, that plainly and where to ask.
     */
    String aboutCircumstance(ServiceItem item, String answer, GuideExcerpts.Found found) {
        return elementWording.aboutCircumstance(item, answer, found);
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
        return "抱歉，这个问题不在我的服务范围内。我是" + settings.region() + "政务服务助手，可以解答办事要带的材料、办理时限、地点、收费等问题。"
                + "其他问题可拨打" + settings.hotline() + "热线咨询。";
    }

    String otherCity(String place) {
        return "我只能解答" + settings.region() + "的政务服务事项。" + place + "的办事问题，请咨询当地政务服务网或拨打当地" + settings.hotline()
                + "热线。如果您问的是在" + settings.region() + "办理，请告诉我具体事项。";
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

    /** Thanks for rating an answer that is not the latest (nothing is handed to a person for it). */
    String ratedEarlier(int rating) {
        return rating < 3 ? "感谢您的评价！还有其他问题可以继续问我。"
                : "很抱歉这条回答没能帮到您，我们会改进。您可以换个说法再问，或回复“人工”找工作人员。";
    }

    String greeting() {
        return "您好！我是" + settings.region() + "政务服务助手“最多问一次”。您可以直接问办事要带什么材料、多久办好、在哪办、收费吗，"
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

    /** The sample-data notice on a line of its own, or nothing when none is set. */
    String notice() {
        return settings.notice().isEmpty() ? "" : "\n" + settings.notice();
    }
}
