package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wording check finds what citizens must not read, and passes what reads well. */
class WordingCheckTests {

    @Test
    void findsAPhraseSaidTwiceInARow() {
        assertThat(WordingCheck.problems("2. 近期免冠彩色证件照片（现场拍照的无需提供需提供）")).containsExactly("doubled phrase “需提供需提供”");
    }

    @Test
    void passesTwoCharactersRepeatedAndRepeatsFarApart() {
        assertThat(WordingCheck.problems("看看材料。身份证原件，身份证复印件")).isEmpty();
    }

    @Test
    void findsNull() {
        assertThat(WordingCheck.problems("收费：null")).containsExactly("“null” in the text");
    }

    @Test
    void findsABulletWithNothingAfterIt() {
        assertThat(WordingCheck.problems("办理地点：\n· \n2. 。")).hasSize(2);
    }

    @Test
    void findsALabelledBulletWithoutAValue() {
        assertThat(WordingCheck.problems("【护照】\n· 收费：")).containsExactly("nothing after “· 收费：”");
    }

    @Test
    void findsAListThatIsAnnouncedButNotThere() {
        assertThat(WordingCheck.problems("受理条件：\n应当申请领取取水许可证，但下列情形除外：\n（示例数据，以官方发布为准）"))
                .containsExactly("nothing after “应当申请领取取水许可证，但下列情形除外：”");
    }

    @Test
    void passesAListAfterItsColon() {
        assertThat(WordingCheck.problems("可提出申请：\n（1）取得前期经费\n办理地点：\n· 市民中心：解放东路18号")).isEmpty();
    }

    @Test
    void findsABracketClosedByTheWrongKind() {
        assertThat(WordingCheck.problems("法定时限：30(工作日）")).singleElement().asString().startsWith("unbalanced “）”");
    }

    @Test
    void findsABracketNeverClosed() {
        assertThat(WordingCheck.problems("依据《杭州市养犬管理条例")).singleElement().asString().startsWith("unclosed “《”");
    }

    @Test
    void passesAWellFormedAnswer() {
        assertThat(WordingCheck.problems("【养犬登记（犬证办理）】需要准备的材料（共2项）：\n1. 居民身份证（原件1份）\n2. 授权委托书（委托他人代办的需提供）"
                + "\n· 收费：每只500元\n依据《杭州市养犬管理条例》「第十五条」(2024)")).isEmpty();
    }
}
