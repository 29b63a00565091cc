package org.askonce.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one text normaliser, literal in and out (the pipeline's first step and short replies on every channel). */
class TextNormaliserTests {

    @Test
    void foldsFullWidthFormsAndDropsEmojiAndFoldsPunctuationToOneSpace() {
        assertThat(TextNormaliser.normalise("ＡＢＣ１２３，狗证😀要带啥？？")).isEqualTo("abc123 狗证要带啥");
    }

    @Test
    void replacesEmojiThatStandForAWord() {
        assertThat(TextNormaliser.normalise("🐶证🉑以网上办吗")).isEqualTo("狗证可以网上办吗");
    }

    @Test
    void readsNothingAsEmpty() {
        assertThat(TextNormaliser.normalise(null)).isEmpty();
        assertThat(TextNormaliser.compact("  ！！ ")).isEmpty();
    }

    @Test
    void compactRemovesEverySpaceForComparingShortReplies() {
        assertThat(TextNormaliser.compact(" 满 意 ! ")).isEqualTo("满意");
        assertThat(TextNormaliser.compact("更多。")).isEqualTo("更多");
        assertThat(TextNormaliser.compact("ＭＯＲＥ")).isEqualTo("more");
        assertThat(TextNormaliser.compact("３")).isEqualTo("3");
    }
}
