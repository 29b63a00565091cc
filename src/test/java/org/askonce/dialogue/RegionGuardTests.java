package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.transfer.GuangdongCatalogue;
import org.askonce.nlp.NlpSettings;
import org.askonce.retrieval.AnswerModels;
import org.askonce.retrieval.RetrievalSettings;
import org.askonce.retrieval.Retriever;
import org.junit.jupiter.api.Test;

/** Another region's affairs are declined, unless the item asked about names that place itself. */
class RegionGuardTests {

    private final RegionGuard hangzhou = new RegionGuard(DialogueSettings.defaults());

    @Test
    void anotherCityIsAnotherRegion() {
        assertThat(hangzhou.otherRegion("北京的居住证怎么办")).contains("北京");
    }

    @Test
    void movingSomethingFromAnotherCityIsOurs() {
        assertThat(hangzhou.otherRegion("社保从上海转过来要什么材料")).isEmpty();
    }

    @Test
    void namingOurOwnPlaceTooIsOurs() {
        assertThat(hangzhou.otherRegion("在杭州办北京的护照可以吗")).isEmpty();
    }

    @Test
    void anItemThatNamesThePlaceIsAnsweredByItsName() {
        // two items of the Guangdong catalogue imported into a deployment still set up for Hangzhou
        KnowledgeSnapshot kb = GuangdongCatalogue.snapshot(Path.of("src/test/resources/guangdong-two/items.jsonl"));
        Retriever retriever = Retriever.of(AnswerModels.standalone(NlpSettings.defaults(Path.of("src/test/resources/mini/training")),
                RetrievalSettings.lexicalOnly(), null).build(1, kb));
        DialogueEngine engine = DialogueEngine.create(KnowledgeBase.of(kb), retriever, new InMemoryConversationStore(false),
                DialogueSettings.defaults());
        Reply reply = engine.handle(Channel.WEB, "gd", "全国专利代理师资格考试（广州考点）报名咨询服务");
        assertThat(reply.action()).isEqualTo(Action.ANSWER);
        assertThat(reply.itemName()).isEqualTo("全国专利代理师资格考试（广州考点）报名咨询服务");
    }
}
