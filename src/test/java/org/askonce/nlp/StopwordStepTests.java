package org.askonce.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stopword step alone: literal tokens in, the same tokens out, marked stop, cue or neither. */
class StopwordStepTests {

    private final StopwordStep step = new StopwordStep(Map.of());

    /** Each token as text(stop) / text(cue) / text, in order. */
    private List<String> marked(String... words) {
        Analysis analysis = new Analysis(String.join("", words));
        analysis.tokens(Arrays.stream(words).map(w -> new Token(w, "n", w, List.of(), false, false)).toList());
        step.apply(analysis);
        return analysis.tokens().stream().map(t -> t.text() + (t.stop() ? "(stop)" : t.cue() ? "(cue)" : "")).toList();
    }

    @Test
    void marksFunctionWordsAndFillersAsStopwords() {
        assertThat(marked("请问", "一下", "狗证", "的", "登记"))
                .containsExactly("请问(stop)", "一下(stop)", "狗证", "的(stop)", "登记");
    }

    @Test
    void keepsElementCueWordsAsCuesNotStopwords() {
        assertThat(marked("狗证", "带", "材料")).containsExactly("狗证", "带(cue)", "材料(cue)");
    }

    @Test
    void marksEveryElementsCueWords() {
        assertThat(marked("在哪", "多久")).containsExactly("在哪(cue)", "多久(cue)");
    }

    @Test
    void dropsNothing() {
        Analysis analysis = new Analysis("请问");
        analysis.tokens(List.of(new Token("请问", "v", "请问", List.of(), false, false)));
        step.apply(analysis);
        assertThat(analysis.tokens()).containsExactly(new Token("请问", "v", "请问", List.of(), true, false));
    }

    @Test
    void marksASingleLatinLetterOrSymbolButNotADigit() {
        assertThat(marked("a", "?", "2", "号")).containsExactly("a(stop)", "?(stop)", "2", "号");
    }

    @Test
    void stopwordsAndCuesDoNotCountAsTopicTerms() {
        Analysis analysis = new Analysis("请问狗证带材料");
        analysis.tokens(List.of("请问", "狗证", "带", "材料").stream().map(w -> new Token(w, "n", w, List.of(), false, false)).toList());
        step.apply(analysis);
        assertThat(analysis.topicTerms()).containsExactly("狗证");
        assertThat(analysis.cueTerms()).containsExactly("带", "材料");
    }

    @Test
    void rejectsAnyParameterNamingIt() {
        assertThatThrownBy(() -> new StopwordStep(Map.of("list", "mine.txt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown parameters for step 'stopwords': [list] (it takes none)");
    }
}
