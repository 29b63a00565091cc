package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.Analysis;
import org.askonce.nlp.NlpSettings;
import org.askonce.retrieval.AnswerModel;
import org.askonce.retrieval.AnswerModels;
import org.askonce.retrieval.RetrievalSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Below the suggest threshold, down to the menu threshold, a question about a service still gets a
 * menu of the first candidates (a catalogue imported alone knows situations only by meaning); below
 * the menu threshold the bot says it does not know. On the sample knowledge base with its vectors,
 * with thresholds set so that the situation below falls between them.
 */
class UnsureMenuTests {

    private static final String SITUATION = "女儿刚满月，户口还没上，要怎么弄";
    private static KnowledgeSnapshot kb;
    private static AnswerModels models;

    @BeforeAll
    static void build() {
        kb = KnowledgeFolder.read(Path.of("knowledge-base"));
        models = AnswerModels.standalone(NlpSettings.defaults(Path.of("training")), RetrievalSettings.defaults(),
                Path.of("knowledge-base/vectors"));
    }

    private static AnswerModel model(double menuThreshold) {
        return models.build(1, kb).with(new RetrievalSettings(0.99, 0.98, 0.05, 30, 4, null, 0.62, 0.42, true, 0, null, menuThreshold));
    }

    private static Decision decide(double menuThreshold, String text) {
        AnswerModel model = model(menuThreshold);
        Analysis analysis = model.analyze(text);
        DialogueSettings settings = DialogueSettings.defaults();
        return new AnswerPolicy(new ReplyComposer(settings), new RegionGuard(settings))
                .decide(Conversation.start("c-1", Channel.WEB, "citizen-1", Instant.parse("2026-03-02T02:00:00Z")), analysis,
                        model.search(analysis), model, kb);
    }

    @Test
    void aQuestionBetweenTheMenuAndTheSuggestThresholdGetsAMenuWithTheLikelyItemFirst() {
        Decision d = decide(0.02, SITUATION);

        assertThat(d.confidence()).isBetween(0.02, 0.98);
        assertThat(d.action()).isEqualTo(Action.CLARIFY);
        assertThat(d.options()).first().isEqualTo("birth-registration");
    }

    @Test
    void withTheMenuThresholdAtTheSuggestThresholdTheSameQuestionIsNotUnderstood() {
        Decision d = decide(0.98, SITUATION);

        assertThat(d.action()).isEqualTo(Action.UNKNOWN);
        assertThat(d.options()).isEmpty();
    }

    @Test
    void anUnsureMenuListsTheCandidatesAboutAsCloseByMeaningOrWordsAsTheFirst() {
        org.askonce.retrieval.Candidate first = item("a", 0.3, 0.4, 0.80);
        assertThat(MenuCandidates.nearInMeaningOrWords(item("b", 0.001, 0.0, 0.76), first)).isTrue();
        assertThat(MenuCandidates.nearInMeaningOrWords(item("c", 0.001, 0.35, 0.50), first)).isTrue();
        assertThat(MenuCandidates.nearInMeaningOrWords(item("d", 0.001, 0.2, 0.70), first)).isFalse();
        assertThat(MenuCandidates.nearInMeaningOrWords(item("e", 0.001, 0.0, 0.0), item("f", 0.3, 0.0, 0.0))).isFalse();
        // one common word shared is not near, however weak the first item's words are
        assertThat(MenuCandidates.nearInMeaningOrWords(item("g", 0.001, 0.2, 0.5), item("h", 0.3, 0.25, 0.8))).isFalse();
    }

    @Test
    void aQuestionTheWordsAndMeaningPlaceBetweenSeveralItemsGetsThemAllInItsMenu() {
        String question = "卡丢了要重新弄一张";
        Decision d = decide(0.02, question);
        AnswerModel model = model(0.02);
        java.util.List<org.askonce.retrieval.Candidate> items = model.search(model.analyze(question)).items();
        org.askonce.retrieval.Candidate first = items.get(0);
        java.util.Map<String, org.askonce.retrieval.Candidate> byId = new java.util.HashMap<>();
        items.forEach(c -> byId.put(c.itemId(), c));

        assertThat(d.action()).isEqualTo(Action.CLARIFY);
        assertThat(d.options()).hasSizeGreaterThan(1).first().isEqualTo(first.itemId());
        // every other option is near the first by meaning or words; at least one is there only for that
        // (its fused score is below both the menu threshold and the first's score less 0.25)
        assertThat(d.options().subList(1, d.options().size()))
                .allSatisfy(id -> assertThat(MenuCandidates.nearInMeaningOrWords(byId.get(id), first)
                        || byId.get(id).score() >= Math.max(0.02, first.score() - 0.25)).isTrue())
                .anySatisfy(id -> assertThat(byId.get(id).score()).isLessThan(Math.max(0.02, first.score() - 0.25)));
    }

    private static org.askonce.retrieval.Candidate item(String id, double score, double lexical, double semantic) {
        return new org.askonce.retrieval.Candidate(org.askonce.retrieval.Candidate.Kind.ITEM, id, null, id, score, lexical, semantic);
    }

    @Test
    void theMenuThresholdMustBePositiveAndNotAboveTheSuggestThreshold() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RetrievalSettings(0.7, 0.1, 0.05, 30, 4, null, 0.62, 0.42, true, 0,
                null, 0.2)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("menu-threshold");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RetrievalSettings(0.7, 0.1, 0.05, 30, 4, null, 0.62, 0.42, true, 0,
                null, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("menu-threshold");
    }
}
