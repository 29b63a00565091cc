package org.askonce.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.askonce.MiniKnowledge;
import org.junit.jupiter.api.Test;

/** The lexical engine's scores mean the same everywhere: 1 for an exact wording, 0 for nothing shared. */
class RetrieverTests {

    private static final Retriever RETRIEVER = Retriever.create(MiniKnowledge.snapshot(), MiniKnowledge.pipeline(),
            RetrievalSettings.lexicalOnly());

    private SearchResult search(String text) {
        return RETRIEVER.search(MiniKnowledge.pipeline().analyze(text));
    }

    @Test
    void exactAliasScoresOne() {
        Candidate top = search("狗证").topItem().orElseThrow();
        assertThat(top.itemId()).isEqualTo("dog-registration");
        assertThat(top.score()).isEqualTo(1.0);
    }

    @Test
    void elementCueWordsHardlyLowerTheScore() {
        assertThat(search("狗证要带什么材料").topItem().orElseThrow().score()).isGreaterThan(0.8);
    }

    @Test
    void unknownWordsLowerTheScore() {
        double plain = search("狗证").topScore();
        double withNoise = search("狗证宠物医院美容店").topScore();
        assertThat(withNoise).isLessThan(plain - 0.3);
    }

    @Test
    void nothingSharedFindsNothing() {
        assertThat(search("天气预报").items()).isEmpty();
    }

    @Test
    void faqIsEvidenceForItsItem() {
        SearchResult result = search("市民卡掉了咋办");
        assertThat(result.topFaq().orElseThrow().faqId()).isEqualTo("social-security-card-lost");
        assertThat(result.topItem().orElseThrow().itemId()).isEqualTo("social-security-card");
    }

    @Test
    void explanationNamesTheDecidingLevelAndSharedKeys() {
        Explanation e = RETRIEVER.explain("社宝卡丢了", 3);
        assertThat(e.matches()).isNotEmpty();
        Explanation.Match best = e.matches().get(0);
        assertThat(best.itemId()).isEqualTo("social-security-card");
        assertThat(best.shared()).isNotEmpty();
        assertThat(best.score()).isBetween(0.0, 1.0);
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> RetrievalSettings.defaults().withThresholds(0.4, 0.6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("suggest-threshold <= answer-threshold");
    }
}
