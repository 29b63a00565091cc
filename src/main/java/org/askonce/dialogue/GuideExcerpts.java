package org.askonce.dialogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.askonce.knowledge.ServiceItem.Material;
import org.askonce.knowledge.ServiceItem;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.Token;

/**
 * The lines of an item's guide that answer a question about one circumstance — "没有户口本能办吗",
 * "外地人能不能办", "别人能代办吗", "过期了还能补吗": the conditions, materials, time-limit and fee
 * lines that speak of it, so the citizen reads the part that answers them before the whole list.
 * The circumstance is found by a few common phrasings (each with the words a guide uses for it)
 * and by the question's own words that the item's name does not hold (户口本, 租房合同).
 */
final class GuideExcerpts {

    /**
     * What a guide shows for a circumstance: the lines that speak of it (none when it is silent),
     * whether a circumstance was asked at all, and whether the question is about doing without one
     * of the item's materials ("没带身份证能办吗").
     */
    record Found(List<String> lines, boolean circumstanceAsked, boolean withoutAMaterial) {
    }

    /** A circumstance as citizens put it, and the words a guide uses for it. */
    private record Circumstance(Pattern asked, List<String> guideWords) {
    }

    private static final List<Circumstance> CIRCUMSTANCES = List.of(
            new Circumstance(Pattern.compile("外地|外省|非本地|不是本地|不是杭州|户口不在|没有.{0,2}户口|异地户口"),
                    List.of("外地", "非本市", "本市户籍", "常住户口", "户籍", "居住证")),
            new Circumstance(Pattern.compile("代办|代领|代理|代替|委托|别人|家人|亲属|帮我办|帮忙办|替我|本人不"),
                    List.of("代办", "代领", "委托", "代理", "受托", "监护人", "本人")),
            new Circumstance(Pattern.compile("过期|到期|失效|期满"), List.of("过期", "到期", "有效期", "期满", "换领")),
            new Circumstance(Pattern.compile("丢了|丢失|遗失|弄丢|找不到|不见了"), List.of("遗失", "丢失", "补领", "补办", "挂失")),
            new Circumstance(Pattern.compile("坏了|损坏|破损|烂了"), List.of("损坏", "破损", "换领")),
            new Circumstance(Pattern.compile("未满|未成年|小孩|孩子|儿童|不满\\d+"), List.of("未满", "未成年", "周岁", "监护人")),
            new Circumstance(Pattern.compile("没有单位|没单位|没工作|无业|灵活就业|个体"), List.of("灵活就业", "个体", "无雇工", "单位")));

    /** A question about a circumstance: whether it can be done without, as, by, after, with. */
    private static final Pattern CONDITIONAL = Pattern.compile("没有|没带|没|不是|不在|不带|缺|无法|能不能|可不可以|能否|可以吗|能.{0,8}[吗么嘛]|行吗|行不行|还能|可以.{0,8}[吗么嘛]");

    /** Doing without something: 没有, 没带, 不带, 没给, 缺. */
    private static final Pattern WITHOUT = Pattern.compile("没有|没带|不带|没给|没开|缺|丢了|忘带|忘了带");

    private static final int MAX_LINES = 4;

    private static final String MATERIAL = "材料：";

    private GuideExcerpts() {
    }

    /** The guide lines of an item that speak of the circumstance a question asks about. */
    static Found find(Analysis analysis, ServiceItem item) {
        String question = analysis.question();
        if (!CONDITIONAL.matcher(question).find()) {
            return new Found(List.of(), false, false);
        }
        Set<String> words = new LinkedHashSet<>();
        for (Circumstance c : CIRCUMSTANCES) {
            if (c.asked().matcher(question).find()) {
                words.addAll(c.guideWords());
            }
        }
        boolean circumstance = !words.isEmpty();
        String own = (item.name() + String.join(" ", item.aliases()) + String.join(" ", item.keywords())).toLowerCase(Locale.ROOT);
        for (Token t : analysis.tokens()) {
            if (!t.topic()) {
                continue;
            }
            for (String w : List.of(t.text(), t.term())) {
                if (w != null && w.length() >= 2 && !own.contains(w.toLowerCase(Locale.ROOT)) && question.contains(t.text())) {
                    words.add(w);
                    circumstance = true;
                }
            }
        }
        if (words.isEmpty()) {
            return new Found(List.of(), false, false);
        }
        List<String> lines = new ArrayList<>();
        for (String line : guideLines(item)) {
            if (lines.size() < MAX_LINES && words.stream().anyMatch(line::contains)) {
                lines.add(line);
            }
        }
        boolean material = !lines.isEmpty() && lines.get(0).startsWith(MATERIAL) && WITHOUT.matcher(question).find();
        return new Found(lines, circumstance, material);
    }

    /** The guide's lines: each condition, each material with when it is needed, the time-limit and fee notes. */
    static List<String> guideLines(ServiceItem item) {
        List<String> lines = new ArrayList<>();
        if (item.conditions() != null) {
            for (String c : item.conditions().split("[\n；;]")) {
                String line = c.strip().replaceFirst("^\\d+[.、．]\\s*", "").replaceFirst("[。；;]$", "");
                if (!line.isEmpty() && !ServiceItem.isGap(line)) {
                    lines.add("条件：" + line);
                }
            }
        }
        for (Material m : item.materials()) {
            StringBuilder sb = new StringBuilder(MATERIAL).append(m.name().strip());
            List<String> about = new ArrayList<>();
            if (m.condition() != null && !m.condition().isBlank()) {
                about.add(m.condition().strip());
            }
            if (m.notes() != null && !m.notes().isBlank()) {
                about.add(m.notes().strip());
            }
            if (Boolean.FALSE.equals(m.required()) && about.isEmpty()) {
                about.add("非必需");
            }
            if (!about.isEmpty()) {
                sb.append("（").append(String.join("；", about)).append("）");
            }
            lines.add(sb.toString());
        }
        if (item.timeLimit() != null && item.timeLimit().note() != null && !item.timeLimit().note().isBlank()) {
            lines.add("时限：" + item.timeLimit().note().strip());
        }
        if (item.fee() != null && item.fee().amount() != null && !ServiceItem.isGap(item.fee().amount())) {
            lines.add("收费：" + item.fee().amount().strip());
        }
        return lines;
    }
}
