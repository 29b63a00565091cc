package org.askonce.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.junit.jupiter.api.Test;

/** The romanised step alone, over a literal dictionary: pinyin typed in, the dictionary's word out. */
class RomanisedStepTests {

    private static final Vocabulary VOCABULARY = Vocabulary.of(new KnowledgeSnapshot(List.of(), List.of(),
            new Lexicon(Map.of(), List.of("社保卡", "社保", "公积金", "户口", "税务局", "商务局"))));

    private final RomanisedStep step = new RomanisedStep(Map.of(), VOCABULARY);

    private String romanised(String text) {
        Analysis analysis = new Analysis(text);
        step.apply(analysis);
        return analysis.text();
    }

    @Test
    void replacesInitialsWithTheWordTheySpell() {
        assertThat(romanised("sbk丢了")).isEqualTo("社保卡丢了");
    }

    @Test
    void replacesSpelledPinyinWithTheWord() {
        assertThat(romanised("hukou迁移")).isEqualTo("户口迁移");
    }

    @Test
    void replacesEveryRunInTheText() {
        assertThat(romanised("gjj和shebao卡")).isEqualTo("公积金和社保卡");
    }

    @Test
    void leavesInitialsThatFitTwoWordsAsTyped() {
        // 税务局 and 商务局 are both swj
        assertThat(romanised("swj在哪")).isEqualTo("swj在哪");
    }

    @Test
    void leavesTwoLetterInitialsAsTyped() {
        // sb would be 社保, but initials need three letters
        assertThat(romanised("sb在哪")).isEqualTo("sb在哪");
    }

    @Test
    void leavesUnknownLatinAsTyped() {
        assertThat(romanised("wifi密码")).isEqualTo("wifi密码");
    }

    @Test
    void statesItsTablesInToString() {
        assertThat(step).hasToString("romanised(6 spellings, 2 abbreviations)");
    }

    @Test
    void rejectsAnyParameterNamingIt() {
        assertThatThrownBy(() -> new RomanisedStep(Map.of("min-initials", "2"), VOCABULARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown parameters for step 'romanised': [min-initials] (it takes none)");
    }
}
