package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.askonce.MiniKnowledge;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.nlp.Analysis;
import org.askonce.retrieval.AnswerModel;
import org.askonce.retrieval.RetrievalSettings;
import org.askonce.retrieval.Retriever;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the answer policy on its own, on the mini fixture knowledge base (养犬登记, 社保卡, one
 * hall FAQ): what it decides for a message that it is the rule for, and that it leaves alone a
 * message another rule is for. (Life events are tested on the sample knowledge base, in
 * {@link LifeEventDialogueTests}.)
 */
class AnswerPolicyTests {

    private static final AnswerModel MODEL = Retriever.create(MiniKnowledge.snapshot(), MiniKnowledge.pipeline(),
            RetrievalSettings.defaults()).current();
    private static final KnowledgeSnapshot KB = MiniKnowledge.snapshot();
    private static final String DOG = "dog-registration";
    private static final String CARD = "social-security-card";
    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private final DialogueSettings settings = DialogueSettings.defaults();
    private final AnswerPolicy policy = new AnswerPolicy(new ReplyComposer(settings), new RegionGuard(settings));

    private static Conversation fresh() {
        return Conversation.start("c-1", Channel.WEB, "citizen-1", NOW);
    }

    private static Conversation about(String itemId, Element element) {
        return fresh().after(NOW, Action.ANSWER).about(itemId, element);
    }

    private static Conversation menu(List<String> options, Element element) {
        return fresh().after(NOW, Action.CLARIFY).about(null, element).withMenu(options).withUnsure(1);
    }

    private static AnswerPolicy.Question question(Conversation conversation, String text) {
        Analysis analysis = MODEL.analyze(text);
        return new AnswerPolicy.Question(conversation, analysis, MODEL.search(analysis), MODEL, KB);
    }

    @Test
    void openMenuANumberPicksThatOptionWithTheElementAskedBefore() {
        Decision d = policy.openMenu(question(menu(List.of(DOG, CARD), Element.MATERIALS), "2")).orElseThrow();

        assertThat(d.action()).isEqualTo(Action.ANSWER);
        assertThat(d.itemId()).isEqualTo(CARD);
        assertThat(d.element()).isEqualTo(Element.MATERIALS);
        assertThat(d.confidence()).isEqualTo(1.0);
    }

    @Test
    void openMenuAnElementAskedWithoutNamingAnItemKeepsTheMenuAndNotesTheElement() {
        Decision d = policy.openMenu(question(menu(List.of(DOG, CARD), null), "要多少钱")).orElseThrow();

        assertThat(d.action()).isEqualTo(Action.CLARIFY);
        assertThat(d.options()).containsExactly(DOG, CARD);
        assertThat(d.element()).isEqualTo(Element.FEE);
        assertThat(d.text()).startsWith("请先选择您要问的事项，我再告诉您");
    }

    @Test
    void openMenuDoesNothingWithoutAMenu() {
        assertThat(policy.openMenu(question(fresh(), "2"))).isEmpty();
    }

    @Test
    void dialogueActAskingForAPersonHandsOverAndKeepsTheItem() {
        Decision d = policy.dialogueAct(question(about(DOG, Element.FEE), "我要转人工")).orElseThrow();

        assertThat(d.action()).isEqualTo(Action.HANDOFF);
        assertThat(d.handoff()).isEqualTo(HandoffRequested.Reason.CITIZEN_ASKED);
        assertThat(d.keepItem()).isTrue();
    }

    @Test
    void dialogueActAGreetingIsAnsweredInKind() {
        Decision d = policy.dialogueAct(question(fresh(), "你好")).orElseThrow();

        assertThat(d.action()).isEqualTo(Action.SMALLTALK);
        assertThat(d.text()).startsWith("您好！");
    }

    @Test
    void followUpAnElementAskedAloneIsAnsweredForTheCurrentItem() {
        Decision d = policy.followUp(question(about(DOG, Element.MATERIALS), "要多少钱")).orElseThrow();

        assertThat(d.action()).isEqualTo(Action.ANSWER);
        assertThat(d.itemId()).isEqualTo(DOG);
        assertThat(d.element()).isEqualTo(Element.FEE);
    }

    @Test
    void followUpNamingAnotherItemIsNotAFollowUp() {
        assertThat(policy.followUp(question(about(DOG, Element.MATERIALS), "社保卡要带什么材料"))).isEmpty();
    }

    @Test
    void otherRegionAnotherCitysAffairsAreDeclinedWithWhereToAsk() {
        Decision d = policy.otherRegion(question(fresh(), "北京的狗证怎么办")).orElseThrow();

        assertThat(d.action()).isEqualTo(Action.UNKNOWN);
        assertThat(d.text()).contains("北京的办事问题，请咨询当地政务服务网");
        assertThat(d.unsure()).isFalse();
    }

    @Test
    void faqAHallQuestionIsAnsweredWithItsFaq() {
        Decision d = policy.faq(question(fresh(), "周末大厅开门吗")).orElseThrow();

        assertThat(d.action()).isEqualTo(Action.ANSWER);
        assertThat(d.faqId()).isEqualTo("hall-weekend");
        assertThat(d.text()).contains("周六上午9:00-12:00");
    }

    @Test
    void itemAClearQuestionIsAnsweredWithTheElementAsked() {
        Decision d = policy.item(question(fresh(), "狗证要带什么材料")).orElseThrow();

        assertThat(d.action()).isEqualTo(Action.ANSWER);
        assertThat(d.itemId()).isEqualTo(DOG);
        assertThat(d.element()).isEqualTo(Element.MATERIALS);
        assertThat(d.text()).contains("犬只狂犬病免疫证明");
    }

    @Test
    void nothingFitsAQuestionFarFromEveryItemIsNotUnderstoodAndUnsure() {
        Decision d = policy.decide(fresh(), MODEL.analyze("量子力学的波函数怎么推导"), MODEL.search(MODEL.analyze("量子力学的波函数怎么推导")),
                MODEL, KB);

        assertThat(d.action()).isEqualTo(Action.UNKNOWN);
        assertThat(d.itemId()).isNull();
    }

    @Test
    void decideTriesTheOpenMenuBeforeAnythingElse() {
        Conversation c = menu(List.of(DOG, CARD), Element.OVERVIEW);
        Analysis analysis = MODEL.analyze("1");

        Decision d = policy.decide(c, analysis, MODEL.search(analysis), MODEL, KB);

        assertThat(d.itemId()).isEqualTo(DOG);
    }

    @Test
    void decideSaysSoWhenNothingWasSaid() {
        Analysis analysis = MODEL.analyze("？？");

        Decision d = policy.decide(about(DOG, Element.FEE), analysis, MODEL.search(analysis), MODEL, KB);

        assertThat(d.action()).isEqualTo(Action.UNKNOWN);
        assertThat(d.keepItem()).isTrue();
    }
}
