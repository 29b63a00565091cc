package org.askonce.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The normalise step alone, built with no parameters: literal text in, literal text out. */
class NormaliseStepTests {

    private final NormaliseStep step = new NormaliseStep(Map.of());

    private String normalise(String text) {
        Analysis analysis = new Analysis(text);
        step.apply(analysis);
        return analysis.text();
    }

    @Test
    void foldsFullWidthLettersAndDigitsToLowerCaseAscii() {
        assertThat(normalise("ＡＢＣ１２３")).isEqualTo("abc123");
    }

    @Test
    void replacesEmojiThatStandForAWord() {
        assertThat(normalise("🐶证🉑以网上办吗")).isEqualTo("狗证可以网上办吗");
    }

    @Test
    void dropsOtherEmoji() {
        assertThat(normalise("社保卡😀😀丢了")).isEqualTo("社保卡丢了");
    }

    @Test
    void foldsPunctuationRunsToOneSpaceAndTrims() {
        assertThat(normalise("  狗证，，在哪办？？")).isEqualTo("狗证 在哪办");
    }

    @Test
    void turnsCircledNumbersIntoDigits() {
        assertThat(normalise("选②")).isEqualTo("选2");
    }

    @Test
    void rejectsAnyParameterNamingIt() {
        assertThatThrownBy(() -> new NormaliseStep(Map.of("lower-case", "false")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown parameters for step 'normalise': [lower-case] (it takes none)");
    }
}
