package org.askonce.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.junit.jupiter.api.Test;

/** The segment step alone, over a literal custom dictionary: text in, the exact tokens out. */
class SegmentStepTests {

    private static final Vocabulary VOCABULARY = Vocabulary.of(new KnowledgeSnapshot(List.of(), List.of(),
            new Lexicon(Map.of(), List.of("狗证", "犬只登记"))));
    /** 居住证明 (proof of residence) against the core dictionary's 居住证 + 明天 in "居住证明天能拿吗". */
    private static final Vocabulary PROOF = Vocabulary.of(new KnowledgeSnapshot(List.of(), List.of(),
            new Lexicon(Map.of(), List.of("居住证明"))));
    private static final Vocabulary EMPTY = Vocabulary.of(new KnowledgeSnapshot(List.of(), List.of(), Lexicon.EMPTY));

    private static List<String> segment(SegmentStep step, String text) {
        Analysis analysis = new Analysis(text);
        step.apply(analysis);
        return analysis.tokens().stream().map(t -> t.text() + "/" + t.nature()).toList();
    }

    @Test
    void keepsACustomDictionaryWordWhole() {
        assertThat(segment(new SegmentStep(Map.of(), VOCABULARY), "狗证要带啥"))
                .containsExactly("狗证/lex", "要/v", "带/v", "啥/ry");
    }

    @Test
    void withoutTheDictionaryWordTheCoreDictionarySplitsIt() {
        assertThat(segment(new SegmentStep(Map.of(), EMPTY), "狗证要带啥"))
                .containsExactly("狗/n", "证/n", "要/v", "带/v", "啥/ry");
    }

    @Test
    void forcesACustomWordOverABetterCoreSplitByDefault() {
        assertThat(segment(new SegmentStep(Map.of(), PROOF), "居住证明天能拿吗"))
                .containsExactly("居住证明/lex", "天/qt", "能/v", "拿/v", "吗/y");
    }

    @Test
    void withoutForcingTheCoreDictionaryMayWinOverACustomWord() {
        assertThat(segment(new SegmentStep(Map.of("custom-dictionary-forcing", "false"), PROOF), "居住证明天能拿吗"))
                .containsExactly("居住证/nz", "明天/t", "能/v", "拿/v", "吗/y");
    }

    @Test
    void dropsTheSpacesBetweenWords() {
        assertThat(segment(new SegmentStep(Map.of(), VOCABULARY), "狗证 在哪"))
                .containsExactly("狗证/lex", "在/p", "哪/ry");
    }

    @Test
    void tokensStartWithTheirTextAsTermAndNoFlags() {
        Analysis analysis = new Analysis("狗证");
        new SegmentStep(Map.of(), VOCABULARY).apply(analysis);
        assertThat(analysis.tokens()).containsExactly(new Token("狗证", "lex", "狗证", List.of(), false, false));
    }

    @Test
    void statesItsDictionaryAndForcingInToString() {
        assertThat(new SegmentStep(Map.of("custom-dictionary-forcing", "false"), VOCABULARY))
                .hasToString("segment(hanlp viterbi, custom dictionary 2 words, forcing=false)");
    }

    @Test
    void rejectsAFlagThatIsNotTrueOrFalse() {
        assertThatThrownBy(() -> new SegmentStep(Map.of("pos-tagging", "yes"), VOCABULARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Parameter 'pos-tagging' of step 'segment' must be true or false, was 'yes'");
    }

    @Test
    void rejectsUnknownParametersNamingTheKnownOnes() {
        assertThatThrownBy(() -> new SegmentStep(Map.of("model", "crf"), VOCABULARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown parameters for step 'segment': [model] (known: [custom-dictionary-forcing, pos-tagging])");
    }
}
