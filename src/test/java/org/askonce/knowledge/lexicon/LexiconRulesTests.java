package org.askonce.knowledge.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.askonce.knowledge.Lexicon;
import org.junit.jupiter.api.Test;

/** What the lexicon editor accepts, and the Chinese message for what it refuses: lexicon in, lexicon or message out. */
class LexiconRulesTests {

    private static final Map<String, Lexicon.Entry> LEXICON = new Lexicon(
            Map.of("养犬登记", List.of("狗证", "养狗证"), "社会保障卡", List.of("社保卡片")), List.of("市民卡", "养犬登记")).entries();

    private static void assertRefused(Runnable change, String... messageParts) {
        assertThatThrownBy(change::run).isInstanceOf(IllegalArgumentException.class).satisfies(e -> {
            for (String part : messageParts) {
                assertThat(e.getMessage()).contains(part);
            }
        });
    }

    @Test
    void aNewEntryMapsEachColloquialTermToTheOfficialTerm() {
        Map<String, Lexicon.Entry> next = LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", List.of("良民证", "无犯罪证明"));

        assertThat(next).containsEntry("良民证", new Lexicon.Entry("良民证", "无犯罪记录证明"))
                .containsEntry("无犯罪证明", new Lexicon.Entry("无犯罪证明", "无犯罪记录证明"))
                .hasSize(LEXICON.size() + 2);
        assertThat(LEXICON).doesNotContainKey("良民证");
    }

    @Test
    void editingAnEntryReplacesItsColloquialTerms() {
        Map<String, Lexicon.Entry> next = LexiconRules.withGroup(LEXICON, "养犬登记", "养犬登记", List.of("狗证", "汪汪证"));

        assertThat(next).containsKeys("狗证", "汪汪证").doesNotContainKey("养狗证");
    }

    @Test
    void anEntryCanSwapItsOfficialAndColloquialTerm() {
        Map<String, Lexicon.Entry> next = LexiconRules.withGroup(LEXICON, "社会保障卡", "社保卡片", List.of("社会保障卡"));

        assertThat(next).containsEntry("社会保障卡", new Lexicon.Entry("社会保障卡", "社保卡片")).doesNotContainKey("社保卡片");
    }

    @Test
    void termsAreCleanedAsThePipelineSeesThem() {
        assertThat(LexiconRules.clean("　ＡＰＰ办证 ")).isEqualTo("app办证");
        assertThat(LexiconRules.clean("辦狗證")).as("traditional characters, as citizens' text is converted").isEqualTo("办狗证");
    }

    @Test
    void anEmptyOfficialTermIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "", List.of("良民证")), "官方用语不能为空");
    }

    @Test
    void anEntryWithoutColloquialTermsIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", List.of()), "请至少填写一个口语说法");
    }

    @Test
    void anEmptyColloquialTermIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", Arrays.asList("良民证", "")), "口语说法不能为空");
    }

    @Test
    void aWhitespaceOnlyTermIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", List.of("　 ")), "口语说法只有空白");
    }

    @Test
    void aPunctuationOnlyTermIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", List.of("？？…")), "「??...」只有标点或符号");
    }

    @Test
    void aTermWithPunctuationInsideIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", List.of("良民证！")), "「良民证!」含有标点或符号");
    }

    @Test
    void aTermWithASpaceInsideIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", List.of("良民 证")), "中间有空格");
    }

    @Test
    void aTermLongerThanTenCharactersIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", List.of("派出所开的没有犯过罪的证明")),
                "「派出所开的没有犯过罪的证明」有13个字，最多10个字");
    }

    @Test
    void aTermEqualToItsOfficialTermIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", List.of("无犯罪记录证明")), "与官方用语相同");
    }

    @Test
    void aTermTypedTwiceIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", List.of("良民证", "良民证")), "「良民证」填写了两次");
    }

    @Test
    void aColloquialTermOfAnotherOfficialTermSaysWhereItIs() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, "社会保障卡", "社会保障卡", List.of("社保卡片", "狗证")),
                "口语说法「狗证」已对应官方用语「养犬登记」", "请先从「养犬登记」中删除它");
    }

    @Test
    void aPlainWordCannotAlsoBeAColloquialTerm() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "社会保障卡片", List.of("市民卡")), "「市民卡」已是词典词");
    }

    @Test
    void anOfficialTermCannotBeAColloquialTermOfAnother() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "犬只登记", List.of("养犬登记")), "「养犬登记」是官方用语（狗证、养狗证）");
    }

    @Test
    void aColloquialTermCannotBecomeAnOfficialTerm() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "狗证", List.of("汪汪证")), "官方用语「狗证」本身是「养犬登记」的口语说法");
    }

    @Test
    void aSecondEntryForTheSameOfficialTermIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "养犬登记", List.of("汪汪证")), "官方用语「养犬登记」已有词条");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, null, "无犯罪记录证明", List.of("狗证", "！", "无犯罪记录证明")),
                "「狗证」已对应", "只有标点", "与官方用语相同");
    }

    @Test
    void editingAnEntryThatIsGoneIsRefused() {
        assertRefused(() -> LexiconRules.withGroup(LEXICON, "居住证", "居住证", List.of("暂住证")), "词条「居住证」不存在");
    }

    @Test
    void deletingAnEntryRemovesAllItsColloquialTerms() {
        assertThat(LexiconRules.withoutGroup(LEXICON, "养犬登记")).doesNotContainKeys("狗证", "养狗证").containsKey("养犬登记");
    }

    @Test
    void plainWordsAreAddedAndDuplicatesSayWhereTheyAre() {
        assertThat(LexiconRules.withWords(LEXICON, List.of("浙里办"))).containsEntry("浙里办", new Lexicon.Entry("浙里办", null));
        assertRefused(() -> LexiconRules.withWords(LEXICON, List.of("市民卡")), "词典词「市民卡」已存在");
        assertRefused(() -> LexiconRules.withWords(LEXICON, List.of("狗证")), "「狗证」已是「养犬登记」的口语说法");
        assertRefused(() -> LexiconRules.withWords(LEXICON, List.of("社会保障卡")), "「社会保障卡」是官方用语");
    }

    @Test
    void deletingAWordThatIsNotThereIsRefused() {
        assertRefused(() -> LexiconRules.withoutWord(LEXICON, "狗证"), "词典词中没有「狗证」");
    }

    @Test
    void aChainOfTermsIsAConsistencyProblem() {
        Map<String, Lexicon.Entry> chain = new Lexicon(Map.of("养犬登记", List.of("狗证"), "狗证", List.of("汪汪证")), List.of()).entries();

        assertThat(LexiconRules.consistencyProblems(chain)).singleElement().asString()
                .contains("「汪汪证」对应的官方用语「狗证」本身是「养犬登记」的口语说法");
        assertThat(LexiconRules.consistencyProblems(LEXICON)).isEmpty();
    }

    @Test
    void typedTermsAreSplitAtCommasAndSpaces() {
        assertThat(LexiconRules.split("狗证，汪汪证、犬证, 狗牌\n养狗证")).containsExactly("狗证", "汪汪证", "犬证", "狗牌", "养狗证");
    }
}
