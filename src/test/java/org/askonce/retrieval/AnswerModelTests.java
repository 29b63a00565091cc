package org.askonce.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.NlpSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The answer model of the sample knowledge base: both signals, fused; a situation finds its item by meaning. */
class AnswerModelTests {

    private static KnowledgeSnapshot kb;
    private static AnswerModel model;
    private static AnswerModel lexicalOnly;

    @BeforeAll
    static void build() {
        kb = KnowledgeFolder.read(Path.of("knowledge-base"));
        AnswerModels models = AnswerModels.standalone(NlpSettings.defaults(Path.of("training")), RetrievalSettings.defaults(),
                Path.of("knowledge-base/vectors"));
        model = models.build(1, kb);
        lexicalOnly = AnswerModels.standalone(NlpSettings.defaults(Path.of("training")), RetrievalSettings.lexicalOnly(), null).build(1, kb);
    }

    private String first(AnswerModel m, String question) {
        return m.search(m.analyze(question)).topItem().map(c -> kb.item(c.itemId()).orElseThrow().name()).orElse(null);
    }

    @Test
    void everyWordingHasAVectorFromTheShippedFile() {
        assertThat(model.semantic()).isTrue();
        assertThat(model.vectors()).isEqualTo(SearchIndexBuilder.embeddedTexts(kb).size());
    }

    @Test
    void aSituationFindsItsItemByMeaning() {
        assertThat(first(model, "女儿满月了户口还没上")).isEqualTo("出生登记（新生儿落户）");
    }

    @Test
    void meaningMakesSureWhereTheWordsAloneAreNot() {
        String question = "想在小区门口开个奶茶店要办什么";
        assertThat(first(model, question)).isEqualTo("食品经营许可");
        assertThat(lexicalOnly.search(lexicalOnly.analyze(question)).topScore()).isLessThan(lexicalOnly.answerThreshold());
        assertThat(model.search(model.analyze(question)).topScore()).isGreaterThanOrEqualTo(model.answerThreshold());
    }

    @Test
    void fusedScoresAreProbabilitiesWithBothSignalsKept() {
        List<Candidate> items = model.search(model.analyze("狗证要带什么材料")).items();
        assertThat(items.get(0).itemId()).isEqualTo("dog-registration");
        assertThat(items.get(0).score()).isBetween(0.7, 1.0);
        assertThat(items.get(0).lexical()).isGreaterThan(0.8);
        assertThat(items.get(0).semantic()).isGreaterThan(0.6);
        assertThat(items).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
    }

    @Test
    void theWordsOfAQuestionTheIndexHasNeverSeenAreCounted() {
        AnswerModel.Candidates known = model.candidates(model.analyze("狗证要带什么材料"));
        AnswerModel.Candidates unknown = model.candidates(model.analyze("潜水艇驾照怎么考"));

        assertThat(known.topic().unknown()).isZero();
        assertThat(unknown.topic().unknown()).isGreaterThanOrEqualTo(1);
        assertThat(unknown.topic().count()).isGreaterThanOrEqualTo(unknown.topic().unknown());
    }

    @Test
    void aBanksCardIsNotConfidentlyTheCitizenCard() {
        assertThat(model.search(model.analyze("招商银行信用卡丢了怎么补")).topScore()).isLessThan(model.answerThreshold());
    }

    @Test
    void lexicalOnlyModelUsesTheLexicalThresholdsAndNoModel() {
        assertThat(lexicalOnly.semantic()).isFalse();
        assertThat(lexicalOnly.answerThreshold()).isEqualTo(RetrievalSettings.defaults().lexicalAnswerThreshold());
        assertThat(lexicalOnly.semanticItems(lexicalOnly.analyze("女儿满月了户口还没上"))).isEmpty();
    }

    @Test
    void explanationShowsBothSignalsPerItem() {
        Explanation e = model.explain("女儿满月了户口还没上", 3);
        assertThat(e.signals()).isEqualTo("semantic+lexical");
        assertThat(e.items()).isNotEmpty();
        assertThat(e.items().get(0).features()).containsKeys("lexical", "semantic", "semantic-gap");
    }
}
