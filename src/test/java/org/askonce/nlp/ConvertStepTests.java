package org.askonce.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The traditional → simplified step alone: literal text in, literal text out. */
class ConvertStepTests {

    private final ConvertStep step = new ConvertStep(Map.of());

    private String convert(String text) {
        Analysis analysis = new Analysis(text);
        step.apply(analysis);
        return analysis.text();
    }

    @Test
    void convertsTraditionalWordsToSimplified() {
        assertThat(convert("護照")).isEqualTo("护照");
    }

    @Test
    void convertsAWholeTraditionalQuestion() {
        assertThat(convert("身份證要帶什麼材料")).isEqualTo("身份证要带什么材料");
    }

    @Test
    void leavesSimplifiedTextUnchanged() {
        assertThat(convert("社保卡在哪办")).isEqualTo("社保卡在哪办");
    }

    @Test
    void leavesLatinAndDigitsUnchanged() {
        assertThat(convert("gjj 2024")).isEqualTo("gjj 2024");
    }

    @Test
    void changesOnlyTheTextNotTheTokens() {
        Analysis analysis = new Analysis("護照");
        step.apply(analysis);
        assertThat(analysis.tokens()).isEmpty();
    }

    @Test
    void rejectsAnyParameterNamingIt() {
        assertThatThrownBy(() -> new ConvertStep(Map.of("table", "t2hk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown parameters for step 'convert': [table] (it takes none)");
    }
}
