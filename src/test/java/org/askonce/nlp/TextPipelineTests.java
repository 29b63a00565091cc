package org.askonce.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.askonce.MiniKnowledge;
import org.junit.jupiter.api.Test;

/** Literal in/out tests of each step of the chain, on the mini fixture knowledge base. */
class TextPipelineTests {

    private final TextPipeline pipeline = MiniKnowledge.pipeline();

    private static List<String> texts(Analysis a) {
        return a.tokens().stream().map(Token::text).toList();
    }

    @Test
    void normaliseFoldsFullWidthEmojiAndPunctuation() {
        assertThat(TextNormaliser.normalise("ＡＢＣ１２３，狗证😀要带啥？？")).isEqualTo("abc123 狗证要带啥");
    }

    @Test
    void normaliseReadsEmojiThatStandForAWord() {
        assertThat(TextNormaliser.normalise("🐶证🉑以网上办吗")).isEqualTo("狗证可以网上办吗");
    }

    @Test
    void romanisedTurnsPinyinInitialsIntoTheKnowledgeBaseWord() {
        assertThat(pipeline.analyze("yqdj要带啥").text()).isEqualTo("养犬登记要带啥");
    }

    @Test
    void romanisedTurnsSpelledPinyinIntoTheKnowledgeBaseWord() {
        assertThat(pipeline.analyze("shiminka丢了").text()).isEqualTo("市民卡丢了");
    }

    @Test
    void romanisedLeavesUnknownLatinAsTyped() {
        assertThat(pipeline.analyze("wifi密码多少").text()).isEqualTo("wifi密码多少");
    }

    @Test
    void aLongStoryIsReadForItsQuestionClause() {
        Analysis a = pipeline.analyze("我家去年从外地搬过来，孩子明年上学，老人身体也不好，家里事情特别多，忙得团团转，请问狗证在哪里办？");
        // a short asking clause keeps the clause before it, which may carry its subject
        assertThat(a.question()).isEqualTo("忙得团团转请问狗证在哪里办");
        assertThat(a.intent()).isEqualTo(Intent.LOCATION);
    }

    @Test
    void aShortQuestionIsItsOwnQuestionClause() {
        assertThat(pipeline.analyze("狗证在哪办").question()).isEqualTo("狗证在哪办");
    }

    @Test
    void elementCuesFindEveryElementAskedInOrder() {
        assertThat(ElementCues.asked("护照在哪办，要带啥，多少钱")).containsExactly(org.askonce.knowledge.Element.LOCATION,
                org.askonce.knowledge.Element.MATERIALS, org.askonce.knowledge.Element.FEE);
        assertThat(ElementCues.asked("狗证怎么办")).isEmpty();
    }

    @Test
    void elementsToAnswerPreferACueToTheGeneralClassAndAnswerHowToWithTheGistAndTheSteps() {
        var overview = org.askonce.knowledge.Element.OVERVIEW;
        var process = org.askonce.knowledge.Element.PROCESS;
        // a cue is more specific than the model's general class, but does not overrule a specific element
        assertThat(ElementCues.toAnswer("营业执照丢了去哪补", overview)).containsExactly(org.askonce.knowledge.Element.LOCATION);
        assertThat(ElementCues.toAnswer("外地人办居住证要带什么", org.askonce.knowledge.Element.CONDITIONS))
                .containsExactly(org.askonce.knowledge.Element.CONDITIONS);
        // "how do I": the gist, then the steps
        assertThat(ElementCues.toAnswer("离婚手续怎么办", overview)).containsExactly(overview, process);
        assertThat(ElementCues.toAnswer("失业金怎么领", process)).containsExactly(overview, process);
        assertThat(ElementCues.toAnswer("签注用完了怎么再办", overview)).containsExactly(overview, process);
        // with other elements named, the steps go where they are asked
        assertThat(ElementCues.toAnswer("异地就医备案怎么弄，多久生效", overview))
                .containsExactly(process, org.askonce.knowledge.Element.TIME_LIMIT);
        // a how-to about something else, or no cue at all: the element decided
        assertThat(ElementCues.toAnswer("身份证怎么收费", org.askonce.knowledge.Element.FEE)).containsExactly(org.askonce.knowledge.Element.FEE);
        assertThat(ElementCues.toAnswer("那护照呢", org.askonce.knowledge.Element.MATERIALS))
                .containsExactly(org.askonce.knowledge.Element.MATERIALS);
        assertThat(ElementCues.toAnswer("你好", null)).isEmpty();
    }

    @Test
    void aSpecificCueNamedAloneOverrulesTheStepsButNotTheConditions() {
        var conditions = org.askonce.knowledge.Element.CONDITIONS;
        // 时限, 地点, 电话 say what is asked; the model's "steps" came from the rest of the message
        assertThat(ElementCues.toAnswer("出生登记的办理时限", org.askonce.knowledge.Element.PROCESS))
                .containsExactly(org.askonce.knowledge.Element.TIME_LIMIT);
        assertThat(ElementCues.toAnswer("驾驶证补证的办理地点", org.askonce.knowledge.Element.OVERVIEW))
                .containsExactly(org.askonce.knowledge.Element.LOCATION);
        // a condition is often an amount or a time: the conditions stay
        assertThat(ElementCues.toAnswer("公积金交了多久才能贷款", conditions)).containsExactly(conditions);
    }

    @Test
    void normaliseTurnsCircledNumbersIntoDigits() {
        assertThat(TextNormaliser.normalise("①")).isEqualTo("1");
    }

    @Test
    void convertsTraditionalToSimplified() {
        assertThat(pipeline.analyze("護照要帶什麼材料").text()).isEqualTo("护照要带什么材料");
    }

    @Test
    void segmentsKnowledgeBaseWordsWhole() {
        Analysis a = pipeline.analyze("办个狗证要带啥");
        assertThat(texts(a)).contains("狗证");
        assertThat(a.tokens().stream().filter(t -> t.text().equals("狗证")).findFirst().orElseThrow().fromKnowledgeBase()).isTrue();
    }

    @Test
    void dropsStopwordsAndMarksElementCues() {
        Analysis a = pipeline.analyze("请问一下狗证要带什么材料");
        assertThat(a.topicTerms()).containsExactly("养犬登记", "登记");
        assertThat(a.cueTerms()).contains("材料", "带");
    }

    @Test
    void mapsColloquialTermsToOfficialOnes() {
        assertThat(pipeline.analyze("狗证").tokens()).singleElement().satisfies(t -> assertThat(t.term()).isEqualTo("养犬登记"));
        assertThat(pipeline.analyze("养狗证").tokens()).singleElement().satisfies(t -> assertThat(t.term()).isEqualTo("养犬登记"));
    }

    @Test
    void compoundsAlsoCarryTheirPartsSoThatPartsMatch() {
        assertThat(pipeline.analyze("狗证").terms()).containsExactly("养犬登记", "登记");
    }

    @Test
    void wordsThatNameAnItemAreToldFromOtherWords() {
        assertThat(pipeline.analyze("狗证要带什么材料").namesItem()).isTrue();
        assertThat(pipeline.analyze("那要多久").namesItem()).isFalse();
    }

    @Test
    void homophoneTypoSharesPinyinKeysWithTheRightWord() {
        assertThat(pipeline.analyze("犬正").pinyinGrams()).containsExactly("quan_zheng");
        assertThat(pipeline.analyzeForIndex("犬证").pinyinGrams()).containsExactly("quan_zheng");
        assertThat(pipeline.analyze("社宝卡").pinyinGrams()).contains("she_bao", "bao_ka");
    }

    @Test
    void charBigramsSpanTokenBoundaries() {
        assertThat(PinyinStep.charGrams("社宝卡")).containsExactly("社宝", "宝卡");
    }

    @Test
    void recognisesMaterialsIntent() {
        assertThat(pipeline.analyze("狗证要带什么材料").intent()).isEqualTo(Intent.MATERIALS);
    }

    @Test
    void recognisesAskingForAHuman() {
        assertThat(pipeline.analyze("转人工").intent()).isEqualTo(Intent.HUMAN);
    }

    @Test
    void indexAnalysisDoesNotRunTheIntentModel() {
        assertThat(pipeline.analyzeForIndex("狗证要带什么材料").intentScored()).isFalse();
    }

    @Test
    void chainIsWrittenDownInOrder() {
        assertThat(pipeline.toString()).startsWith("normalise(").contains(" → convert(").contains(" → segment(")
                .contains(" → stopwords(").contains(" → synonyms(").contains(" → pinyin(").contains(" → intent(");
    }

    @Test
    void rejectsUnknownStepParameters() {
        NlpSettings settings = NlpSettings.defaults(MiniKnowledge.TRAINING).withStep("synonyms", Map.of("colour", "blue"));
        assertThatThrownBy(() -> TextPipeline.create(MiniKnowledge.snapshot(), settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown parameters for step 'synonyms': [colour]");
    }

    @Test
    void rejectsUnknownSteps() {
        NlpSettings settings = new NlpSettings(List.of("normalise", "stem"), Map.of(), MiniKnowledge.TRAINING);
        assertThatThrownBy(() -> TextPipeline.create(MiniKnowledge.snapshot(), settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown pipeline step 'stem'");
    }

    @Test
    void rejectsBadParameterValues() {
        NlpSettings settings = NlpSettings.defaults(MiniKnowledge.TRAINING).withStep("synonyms", Map.of("core-synonym", "maybe"));
        assertThatThrownBy(() -> TextPipeline.create(MiniKnowledge.snapshot(), settings))
                .hasMessageContaining("must be true or false, was 'maybe'");
    }
}
