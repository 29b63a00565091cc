package org.askonce.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Names in what citizens type, found by the words around them, and masked keeping the surname. */
class PersonalNamesTests {

    private static void assertMasks(String in, String out) {
        assertThat(PersonalData.maskWithNames(in)).isEqualTo(out);
    }

    @Test
    void masksTheNameAfterWoJiaoKeepingTheSurname() {
        assertMasks("我叫张三，想问护照怎么办", "我叫张*，想问护照怎么办");
    }

    @Test
    void masksANameWhoseSurnameIsNotInTheListWhenItFollowsXingMing() {
        assertMasks("姓名：喆明远 电话13812345678", "姓名：喆** 电话138****5678");
    }

    @Test
    void masksADoubleSurnameNameKeepingBothCharactersOfTheSurname() {
        assertMasks("我是欧阳娜娜，要办社保卡", "我是欧阳**，要办社保卡");
    }

    @Test
    void masksTheGivenNameBeforeXianShengOrNvShi() {
        assertMasks("请转告李小龙先生和王芳女士", "请转告李**先生和王*女士");
    }

    @Test
    void leavesASurnameWithATitleAlone() {
        assertMasks("王先生您好，刘女士的材料已收到", "王先生您好，刘女士的材料已收到");
    }

    @Test
    void leavesWoShiFollowedByWordsThatAreNoNameAlone() {
        assertMasks("我是外地人，我是白天去的", "我是外地人，我是白天去的");
    }

    @Test
    void stopsTheNameAtAWordThatFollowsIt() {
        assertMasks("我叫陈明想问一下", "我叫陈*想问一下");
    }

    @Test
    void masksANameTheCitizenGaveElsewhereWhereverItOccurs() {
        assertThat(PersonalData.maskWithNames("张三您好，您的材料齐全。", List.of("张三"))).isEqualTo("张*您好，您的材料齐全。");
    }

    @Test
    void findsTheNamesACitizenGives() {
        assertThat(PersonalData.namesIn("您好，我叫赵四。申请人：钱五一，联系人是孙六")).containsExactlyInAnyOrder("赵四", "钱五一", "孙六");
    }

    @Test
    void theMaskOfNumbersAloneLeavesNamesAsTheyAre() {
        assertThat(PersonalData.mask("我叫张三")).isEqualTo("我叫张三");
    }
}
