package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.KnowledgeFolder;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.NlpSettings;
import org.askonce.retrieval.AnswerModels;
import org.askonce.retrieval.RetrievalSettings;
import org.askonce.retrieval.Retriever;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Life events (一件事) on the sample knowledge base, with its shipped vectors: found, answered, and their steps offered. */
class LifeEventDialogueTests {

    private static KnowledgeSnapshot kb;
    private static Retriever retriever;
    private DialogueEngine engine;

    @BeforeAll
    static void model() {
        Path folder = Path.of("knowledge-base");
        kb = KnowledgeFolder.read(folder);
        AnswerModels models = AnswerModels.standalone(NlpSettings.defaults(Path.of("training")), RetrievalSettings.defaults(),
                folder.resolve("vectors"));
        retriever = Retriever.of(models.build(0, kb));
    }

    @BeforeEach
    void setUp() {
        engine = new DialogueEngine(KnowledgeBase.of(kb), retriever, new InMemoryConversationStore(true), e -> { },
                DialogueSettings.defaults(), Clock.systemUTC());
    }

    private Reply ask(String text) {
        return engine.handle(Channel.WEB, "citizen-1", text);
    }

    @Test
    void aQuestionAboutTheWholeSituationIsAnsweredWithTheEvent() {
        Reply r = ask("开个小饭馆要办哪些证");
        assertThat(r.action()).isEqualTo(Action.ANSWER);
        assertThat(r.eventName()).isEqualTo("开餐馆一件事");
        assertThat(r.itemName()).isEqualTo("个体工商户设立登记");
    }

    @Test
    void theSameSituationAskedAgainIsAnsweredWithTheEventAgainNotAsAFollowUpOnItsFirstStep() {
        ask("孩子出生了要办哪些手续");

        Reply again = ask("孩子出生了要办哪些手续");

        assertThat(again.eventName()).isEqualTo("新生儿出生一件事");
        assertThat(again.reply()).startsWith("【新生儿出生一件事】");
    }

    @Test
    void theSituationAskedAgainAfterReadingAStepIsAnsweredWithTheEventAgain() {
        ask("孩子出生了要办哪些手续");
        assertThat(ask("1").itemName()).isEqualTo("出生登记（新生儿落户）");

        assertThat(ask("孩子出生了要办哪些手续").eventName()).isEqualTo("新生儿出生一件事");
    }

    @Test
    void theEventReplyListsTheStepsInOrderWithWhyAndWhen() {
        String text = ask("开个小饭馆要办哪些证").reply();
        assertThat(text).startsWith("【开餐馆一件事】").contains("共6步");
        assertThat(text.indexOf("1. 个体工商户设立登记（以个体户名义开店的）：先领营业执照"))
                .isPositive().isLessThan(text.indexOf("3. 食品经营许可："));
        assertThat(text).contains("5. 户外广告设施设置许可（有门头招牌或户外广告的）");
    }

    @Test
    void theEventReplySaysWhichStepsCanBeDoneTogether() {
        assertThat(ask("开个小饭馆要办哪些证").reply())
                .contains("可以一起办：第1、2、3步都由杭州市市场监督管理局办理，可在同一窗口一并办");
    }

    @Test
    void theEventReplyOffersEachStepsDetailsAndBooking() {
        Reply r = ask("孩子出生了要办哪些事");
        assertThat(r.eventName()).isEqualTo("新生儿出生一件事");
        assertThat(r.options()).startsWith("出生登记（新生儿落户）", "城乡居民基本医疗保险参保登记");
        assertThat(r.reply()).contains("回复序号查看某一步的详情").contains("可预约");
    }

    @Test
    void aStepsNumberAfterAnEventShowsThatStep() {
        ask("开个小饭馆要办哪些证");
        Reply r = ask("3");
        assertThat(r.action()).isEqualTo(Action.ANSWER);
        assertThat(r.eventName()).isNull();
        assertThat(r.itemName()).isEqualTo("食品经营许可");
    }

    @Test
    void anElementOfOneItemAskedWithLifeEventWordsIsAnsweredForTheItem() {
        Reply r = ask("孩子刚出生，给他上户口要带哪些材料");
        assertThat(r.eventName()).isNull();
        assertThat(r.itemName()).isEqualTo("出生登记（新生儿落户）");
        assertThat(r.element()).isEqualTo(Element.MATERIALS);
    }

    @Test
    void anItemQuestionIsNotAnsweredWithAnEvent() {
        Reply r = ask("办护照要带什么材料");
        assertThat(r.eventName()).isNull();
        assertThat(r.itemName()).isEqualTo("普通护照签发");
    }

    @Test
    void theEventReplyMarksSampleData() {
        assertThat(ask("开个小饭馆要办哪些证").reply()).endsWith("（示例数据，以官方发布为准）");
    }
}
