package org.askonce.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pinyin step alone: literal tokens in, the exact character and pinyin keys out. */
class PinyinStepTests {

    private final PinyinStep step = new PinyinStep(Map.of());

    private static Token topic(String text) {
        return new Token(text, "n", text, List.of(), false, false);
    }

    private Analysis keys(Token... tokens) {
        Analysis analysis = new Analysis("");
        analysis.tokens(List.of(tokens));
        step.apply(analysis);
        return analysis;
    }

    @Test
    void givesCharacterBigramsOfTheTopicWords() {
        assertThat(keys(topic("社保卡")).charGrams()).containsExactly("社保", "保卡");
    }

    @Test
    void givesTonelessPinyinSyllableBigrams() {
        assertThat(keys(topic("社保卡")).pinyinGrams()).containsExactly("she_bao", "bao_ka");
    }

    @Test
    void givesAHomophoneTypoTheSameKeyAsTheRightWord() {
        assertThat(keys(topic("犬正")).pinyinGrams()).containsExactly("quan_zheng");
        assertThat(keys(topic("犬证")).pinyinGrams()).containsExactly("quan_zheng");
    }

    @Test
    void bigramsSpanTokenBoundaries() {
        Analysis analysis = keys(topic("社"), topic("宝卡"));
        assertThat(analysis.charGrams()).containsExactly("社宝", "宝卡");
        assertThat(analysis.pinyinGrams()).containsExactly("she_bao", "bao_ka");
    }

    @Test
    void leavesOutStopwordsAndCueWords() {
        Analysis analysis = keys(new Token("请问", "v", "请问", List.of(), true, false), topic("护照"),
                new Token("材料", "n", "材料", List.of(), false, true));
        assertThat(analysis.charGrams()).containsExactly("护照");
        assertThat(analysis.pinyinGrams()).containsExactly("hu_zhao");
    }

    @Test
    void aSingleCharacterIsItsOwnKey() {
        Analysis analysis = keys(topic("狗"));
        assertThat(analysis.charGrams()).containsExactly("狗");
        assertThat(analysis.pinyinGrams()).containsExactly("gou");
    }

    @Test
    void noTopicWordsGiveNoKeys() {
        Analysis analysis = keys(new Token("多久", "m", "多久", List.of(), false, true));
        assertThat(analysis.charGrams()).isEmpty();
        assertThat(analysis.pinyinGrams()).isEmpty();
    }

    @Test
    void rejectsAnyParameterNamingIt() {
        assertThatThrownBy(() -> new PinyinStep(Map.of("tones", "true")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown parameters for step 'pinyin': [tones] (it takes none)");
    }
}
