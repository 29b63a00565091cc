package org.askonce.nlp;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.knowledge.Element;

/**
 * The phrases that ask for one element of a guide ("带啥" → materials, "多久" → time limit), to find
 * every element a message asks for, in the order asked: "在哪办，要带啥" asks for the place, then the
 * materials. (The intent model gives the one element a message is most about; this finds the others.)
 */
public final class ElementCues {

    private static final Map<Element, Pattern> CUES = new LinkedHashMap<>();

    static {
        CUES.put(Element.MATERIALS, Pattern.compile("材料|资料|带什么|带啥|带哪些|要带|准备什么|准备啥|准备哪些|提供什么|提供哪些|提交什么|需要什么东西|要什么东西"));
        CUES.put(Element.TIME_LIMIT, Pattern.compile("多久|多长时间|几天|多少天|几个工作日|时限|当天能|当场能|马上能|什么时候能(拿|领|办好|下来)"));
        CUES.put(Element.FEE, Pattern.compile("多少钱|收费|费用|收钱|要钱|免费|工本费|花多少|几块钱"));
        CUES.put(Element.LOCATION, Pattern.compile("在哪|去哪|哪里|哪儿|什么地方|地址|地点|哪个窗口|哪个部门|哪个大厅"));
        CUES.put(Element.HOURS, Pattern.compile("几点|上班时间|办公时间|营业时间|开门|关门|周末|星期六|星期天|周六|周日|中午|节假日"));
        CUES.put(Element.PHONE, Pattern.compile("电话|号码多少|热线|联系方式"));
        CUES.put(Element.PROCESS, Pattern.compile("流程|步骤|程序|怎么走"));
        CUES.put(Element.ONLINE, Pattern.compile("网上|线上|在线|手机上|手机办|app|APP|小程序|浙里办|网站|网办"));
        CUES.put(Element.CONDITIONS, Pattern.compile("条件|能不能|可不可以|可以吗|能办吗|能否|是否可以|资格|符合|没有.{1,8}能.{0,6}[吗么嘛]|还能.{0,6}[吗么嘛]|能.{0,6}[吗么嘛]"));
    }

    /** "How do I get it done": 怎么办, 咋弄, 如何申请, 怎么再办 — the steps, and with no other element named, the gist too. */
    private static final Pattern HOW_TO = Pattern.compile("(怎么|怎样|怎麼|如何|咋)(样|去|再|才能|来|个)?"
            + "(办|弄|搞|申请|申領|申领|操作|交|缴|领|補|补|取|提|开|考|打|注销|落|转|迁|备案|登记|认定|报|做|处理)");

    /**
     * Elements whose cue phrases say what is asked on their own (时限, 电话, 网上, 带啥): one of them
     * named alone outweighs the intent model's choice of one of the {@link #GENERAL} elements, which
     * the rest of a message pulls towards ("出生登记的办理时限" is not about the steps). Not of the
     * conditions: a condition is often an amount or a time ("能取多少钱", "交了多久才能贷款").
     */
    private static final Set<Element> SPECIFIC = EnumSet.of(Element.MATERIALS, Element.TIME_LIMIT, Element.FEE, Element.LOCATION,
            Element.HOURS, Element.PHONE, Element.ONLINE);
    private static final Set<Element> GENERAL = EnumSet.of(Element.OVERVIEW, Element.PROCESS);

    private ElementCues() {
    }

    /**
     * The elements to answer, in order, given the element the intent model decided: every element the
     * message names by a cue when it names several ("在哪办，要带啥"); the one it names when the model
     * only saw a general question (OVERVIEW) — a cue such as 去哪 is more specific than the model's
     * general class; the gist and then the steps for a "how do I" question (怎么办, 怎么申请) that
     * names no element, since citizens mean both by it; otherwise the element decided.
     */
    public static List<Element> toAnswer(String question, Element decided) {
        List<Element> cued = asked(question);
        Matcher howTo = HOW_TO.matcher(question);
        if (howTo.find() && !cued.contains(Element.PROCESS)) {
            if (cued.isEmpty()) {
                return decided == Element.OVERVIEW || decided == Element.PROCESS ? List.of(Element.OVERVIEW, Element.PROCESS)
                        : decided == null ? List.of() : List.of(decided);
            }
            List<Element> withSteps = new ArrayList<>(cued);
            int before = 0; // the steps go where the question asks for them
            for (Element e : cued) {
                if (position(question, e) < howTo.start()) {
                    before++;
                }
            }
            withSteps.add(before, Element.PROCESS);
            cued = withSteps;
        }
        if (cued.size() > 1 || (decided == Element.OVERVIEW && cued.size() == 1)
                || (cued.size() == 1 && SPECIFIC.contains(cued.get(0)) && GENERAL.contains(decided))) {
            return cued;
        }
        return decided == null ? List.of() : List.of(decided);
    }

    private static int position(String text, Element element) {
        Matcher m = CUES.get(element).matcher(text);
        return m.find() ? m.start() : Integer.MAX_VALUE;
    }

    /** The elements a text asks for by their cue phrases, in the order they first appear. */
    public static List<Element> asked(String text) {
        Map<Integer, Element> byPosition = new java.util.TreeMap<>();
        for (Map.Entry<Element, Pattern> cue : CUES.entrySet()) {
            Matcher m = cue.getValue().matcher(text);
            if (m.find()) {
                byPosition.putIfAbsent(m.start(), cue.getKey());
            }
        }
        List<Element> out = new ArrayList<>();
        byPosition.values().forEach(e -> {
            if (!out.contains(e)) {
                out.add(e);
            }
        });
        return out;
    }
}
