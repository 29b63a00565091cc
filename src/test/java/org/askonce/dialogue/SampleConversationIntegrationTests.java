package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.askonce.SampleAppTest;
import org.askonce.knowledge.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Whole conversations on the real sample knowledge base, as a citizen would have them. */
@SampleAppTest
class SampleConversationIntegrationTests {

    @Autowired
    DialogueEngine dialogue;

    private Reply ask(String user, String text) {
        return dialogue.handle(Channel.WEB, user, text);
    }

    @Test
    void colloquialMaterialsQuestionThenFollowUp() {
        Reply materials = ask("c1", "办个狗证要带啥");
        assertThat(materials.action()).isEqualTo(Action.ANSWER);
        assertThat(materials.itemName()).isEqualTo("养犬登记（犬证办理）");
        assertThat(materials.element()).isEqualTo(Element.MATERIALS);
        assertThat(materials.reply()).contains("犬只狂犬病免疫证明", "示例数据，以官方发布为准");
        Reply time = ask("c1", "那要多久");
        assertThat(time.itemName()).isEqualTo("养犬登记（犬证办理）");
        assertThat(time.element()).isEqualTo(Element.TIME_LIMIT);
    }

    @Test
    void aQuestionAboutOneCircumstanceReadsTheGuideLinesAboutItFirst() {
        Reply proxy = ask("c-proxy", "狗证别人能代办吗");
        assertThat(proxy.itemName()).isEqualTo("养犬登记（犬证办理）");
        assertThat(proxy.elements()).containsExactly(Element.CONDITIONS);
        assertThat(proxy.reply()).startsWith("【养犬登记（犬证办理）】关于您问的情况，办事指南中写明：\n· 材料：授权委托书及受托人身份证（委托他人代办的）");

        Reply minor = ask("c-minor", "小孩未满16周岁能自己办身份证吗");
        assertThat(minor.elements()).containsExactly(Element.CONDITIONS);
        assertThat(minor.reply()).contains("· 条件：未满16周岁的由监护人陪同办理").contains("受理条件：");

        // doing without one of the materials: the materials answer it, with that material's line first
        Reply without = ask("c-without", "没有租房合同能取公积金吗");
        assertThat(without.itemName()).isEqualTo("住房公积金提取（租房）");
        assertThat(without.elements()).containsExactly(Element.MATERIALS);
        assertThat(without.reply()).contains("· 材料：住房租赁合同（按实际房租提取的）").contains("需要准备的材料");
    }

    @Test
    void traditionalChineseQuestion() {
        Reply r = ask("c2", "護照要帶什麼材料");
        assertThat(r.itemName()).isEqualTo("普通护照签发");
        assertThat(r.element()).isEqualTo(Element.MATERIALS);
    }

    @Test
    void ambiguousQuestionGetsAMenuAndANumberAnswersIt() {
        Reply menu = ask("c3", "公积金提取");
        assertThat(menu.action()).isEqualTo(Action.CLARIFY);
        assertThat(menu.options()).contains("住房公积金提取（租房）", "住房公积金提取（购买自住住房）", "住房公积金提取（离职、退休）");
        Reply chosen = ask("c3", "2");
        assertThat(chosen.action()).isEqualTo(Action.ANSWER);
        assertThat(chosen.itemName()).isEqualTo(menu.options().get(1));
    }

    @Test
    void outOfScopeQuestionIsNotAnswered() {
        Reply r = ask("c4", "今天天气怎么样");
        assertThat(r.action()).isEqualTo(Action.UNKNOWN);
        assertThat(r.reply()).contains("12345");
    }

    @Test
    void anotherCitysAffairsAreDeclined() {
        Reply r = ask("c5", "北京的居住证怎么办");
        assertThat(r.action()).isEqualTo(Action.UNKNOWN);
        assertThat(r.reply()).contains("北京", "杭州");
    }

    @Test
    void askingForAPersonHandsOff() {
        assertThat(ask("c6", "转人工").action()).isEqualTo(Action.HANDOFF);
    }
}
