package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.askonce.MiniKnowledge;
import org.askonce.knowledge.Element;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.retrieval.RetrievalSettings;
import org.askonce.retrieval.Retriever;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conversation policy on the mini fixture knowledge base (养犬登记, 社保卡, one hall FAQ). */
class DialogueEngineTests {

    private static final Retriever RETRIEVER = Retriever.create(MiniKnowledge.snapshot(), MiniKnowledge.pipeline(), RetrievalSettings.defaults());

    private final List<Object> events = new ArrayList<>();
    private InMemoryConversationStore store;
    private DialogueEngine engine;

    @BeforeEach
    void setUp() {
        store = new InMemoryConversationStore(true);
        engine = new DialogueEngine(KnowledgeBase.of(MiniKnowledge.snapshot()), RETRIEVER, store,
                events::add, DialogueSettings.defaults(), Clock.systemUTC());
    }

    private Reply ask(String text) {
        return engine.handle(Channel.WEB, "citizen-1", text);
    }

    @Test
    void answersMaterialsQuestionWithOnlyTheMaterials() {
        Reply r = ask("狗证要带什么材料");
        assertThat(r.action()).isEqualTo(Action.ANSWER);
        assertThat(r.itemName()).isEqualTo("养犬登记（犬证办理）");
        assertThat(r.element()).isEqualTo(Element.MATERIALS);
        assertThat(r.reply()).contains("居民身份证", "户口簿或浙江省居住证", "房屋所有权证明或房屋租赁合同", "犬只狂犬病免疫证明",
                "犬只正面、侧面彩色照片", "授权委托书及受托人身份证", "委托他人代办的需提供", "共6项");
        assertThat(r.reply()).doesNotContain("办理流程", "收费依据", "解放东路");
    }

    @Test
    void howDoIQuestionGetsTheGistThenTheStepsInOneAnswer() {
        Reply r = ask("狗证怎么办");
        assertThat(r.action()).isEqualTo(Action.ANSWER);
        assertThat(r.itemName()).isEqualTo("养犬登记（犬证办理）");
        assertThat(r.element()).isEqualTo(Element.OVERVIEW);
        assertThat(r.elements()).containsExactly(Element.OVERVIEW, Element.PROCESS);
        String text = r.reply();
        assertThat(text.indexOf("· 办理时限")).isPositive().isLessThan(text.indexOf("办理流程："));
        assertThat(text.indexOf("【养犬登记（犬证办理）】")).isEqualTo(text.lastIndexOf("【养犬登记（犬证办理）】")); // named once
        assertThat(text.indexOf("您可以接着问")).isGreaterThan(text.indexOf("办理流程："));
    }

    @Test
    void aPlaceCueIsAnsweredEvenWhenTheQuestionReadsAsGeneral() {
        Reply r = ask("狗证去哪里弄");
        assertThat(r.itemName()).isEqualTo("养犬登记（犬证办理）");
        assertThat(r.element()).isEqualTo(Element.LOCATION);
        assertThat(r.elements()).containsExactly(Element.LOCATION);
    }

    @Test
    void aCircumstanceTheGuideIsSilentOnIsSaidPlainlyWithWhereToAsk() {
        Reply r = ask("外地人能办市民卡吗");
        assertThat(r.action()).isEqualTo(Action.ANSWER);
        assertThat(r.element()).isEqualTo(Element.CONDITIONS);
        assertThat(r.reply()).startsWith("【社会保障卡（市民卡）申领】办事指南中没有写到您问的情况，可拨打咨询电话 0571-96225 询问")
                .contains("受理条件：\n在杭州参加社会保险的人员");
    }

    @Test
    void marksSampleDataInWhatCitizensSee() {
        assertThat(ask("狗证要带什么材料").reply()).contains("示例数据，以官方发布为准");
    }

    @Test
    void followUpStaysOnTheCurrentItem() {
        ask("狗证要带什么材料");
        Reply r = ask("那要多久");
        assertThat(r.action()).isEqualTo(Action.ANSWER);
        assertThat(r.itemName()).isEqualTo("养犬登记（犬证办理）");
        assertThat(r.element()).isEqualTo(Element.TIME_LIMIT);
        assertThat(r.reply()).contains("承诺办结时限：1个工作日", "法定办结时限：20个工作日");
    }

    @Test
    void newItemSwitchesTheContext() {
        ask("狗证要带什么材料");
        Reply r = ask("社保卡在哪办");
        assertThat(r.itemName()).isEqualTo("社会保障卡（市民卡）申领");
        assertThat(r.element()).isEqualTo(Element.LOCATION);
        assertThat(r.reply()).contains("杭州市民卡服务中心");
    }

    @Test
    void misspeltNewItemIsNotTakenForAFollowUpOnTheCurrentOne() {
        ask("社保卡在哪办");
        Reply r = ask("犬正在哪办");
        assertThat(r.itemName() != null ? r.itemName() : r.options().get(0)).isEqualTo("养犬登记（犬证办理）");
    }

    @Test
    void anOptionCanBeChosenByNamingIt() {
        Reply menu = ask("社保卡和狗证");
        assertThat(menu.action()).isEqualTo(Action.CLARIFY);
        Reply chosen = ask("狗证那个");
        assertThat(chosen.action()).isEqualTo(Action.ANSWER);
        assertThat(chosen.itemName()).isEqualTo("养犬登记（犬证办理）");
    }

    @Test
    void namingAnotherItemLeavesTheCurrentOneAndItsElementIsNotAnsweredForIt() {
        assertThat(ask("狗证怎么办").itemName()).isEqualTo("养犬登记（犬证办理）");
        Reply next = ask("社保卡片要带什么材料");
        assertThat(next.itemName()).isNotEqualTo("养犬登记（犬证办理）");
        assertThat(next.reply()).doesNotContain("犬只狂犬病免疫证明");
    }

    @Test
    void elementQuestionWhileAMenuIsOpenKeepsTheMenu() {
        Reply menu = ask("社保卡和狗证");
        assertThat(menu.action()).isEqualTo(Action.CLARIFY);
        Reply again = ask("要多久");
        assertThat(again.action()).isEqualTo(Action.CLARIFY);
        assertThat(again.options()).isEqualTo(menu.options());
        Reply chosen = ask("1");
        assertThat(chosen.element()).isEqualTo(Element.TIME_LIMIT);
        assertThat(chosen.itemName()).isEqualTo(menu.options().get(0));
    }

    @Test
    void homophoneTypoStillFindsTheItem() {
        Reply r = ask("犬正要带什么材料");
        // answered outright, or offered for confirmation ("您是想问…吗?"): either way the item is found
        if (r.action() == Action.ANSWER) {
            assertThat(r.itemName()).isEqualTo("养犬登记（犬证办理）");
        } else {
            assertThat(r.action()).isEqualTo(Action.CLARIFY);
            assertThat(r.options()).containsExactly("养犬登记（犬证办理）");
            assertThat(ask("是的").itemName()).isEqualTo("养犬登记（犬证办理）");
        }
    }

    @Test
    void misspeltSocialSecurityCardMatchesByPinyin() {
        Reply r = ask("社宝卡丢了怎么办");
        assertThat(r.itemName() != null ? r.itemName() : r.options().get(0)).isEqualTo("社会保障卡（市民卡）申领");
    }

    @Test
    void traditionalChineseIsUnderstood() {
        assertThat(ask("狗證要帶什麼材料").itemName()).isEqualTo("养犬登记（犬证办理）");
    }

    @Test
    void faqAnswerCarriesItsQuestion() {
        Reply r = ask("市民卡掉了咋办");
        assertThat(r.action()).isEqualTo(Action.ANSWER);
        assertThat(r.faqQuestion()).isEqualTo("社保卡丢了怎么办？");
        assertThat(r.reply()).contains("0571-96225挂失");
    }

    @Test
    void hallFaqAnswersWithoutAnItem() {
        Reply r = ask("星期六大厅开门吗");
        assertThat(r.action()).isEqualTo(Action.ANSWER);
        assertThat(r.faqQuestion()).isEqualTo("周末大厅开门吗？");
        assertThat(r.itemName()).isNull();
    }

    @Test
    void askingForAPersonHandsOffAndPublishesTheEvent() {
        Reply r = ask("转人工");
        assertThat(r.action()).isEqualTo(Action.HANDOFF);
        assertThat(r.reply()).contains("人工客服");
        assertThat(events).filteredOn(HandoffRequested.class::isInstance)
                .singleElement()
                .satisfies(e -> assertThat(((HandoffRequested) e).reason()).isEqualTo(HandoffRequested.Reason.CITIZEN_ASKED));
    }

    @Test
    void anInternalErrorBecomesAHandOffNotAStackTrace() {
        Retriever broken = org.mockito.Mockito.mock(Retriever.class);
        org.mockito.Mockito.when(broken.settings()).thenReturn(RetrievalSettings.defaults());
        org.mockito.Mockito.when(broken.search(org.mockito.ArgumentMatchers.any())).thenThrow(new IllegalStateException("index gone"));
        DialogueEngine failing = new DialogueEngine(KnowledgeBase.of(MiniKnowledge.snapshot()), broken, store,
                events::add, DialogueSettings.defaults(), Clock.systemUTC());
        Reply r = failing.handle(Channel.WEB, "citizen-2", "狗证要带什么材料");
        assertThat(r.action()).isEqualTo(Action.HANDOFF);
        assertThat(r.reply()).contains("人工客服").doesNotContain("index gone", "Exception");
        assertThat(events).filteredOn(HandoffRequested.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((HandoffRequested) e).reason()).isEqualTo(HandoffRequested.Reason.INTERNAL_ERROR));
        assertThat(store.turns(r.conversationId())).singleElement().satisfies(t -> assertThat(t.action()).isEqualTo(Action.HANDOFF));
    }

    @Test
    void notSureTwiceInARowHandsOff() {
        Reply first = ask("阿巴阿巴咕噜咕噜");
        assertThat(first.action()).isEqualTo(Action.UNKNOWN);
        Reply second = ask("咕噜咕噜阿巴阿巴");
        assertThat(second.action()).isEqualTo(Action.HANDOFF);
        assertThat(events).filteredOn(HandoffRequested.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((HandoffRequested) e).reason()).isEqualTo(HandoffRequested.Reason.NOT_SURE_TWICE));
    }

    @Test
    void outOfScopeGetsAnHonestReplyWithTheHotline() {
        Reply r = ask("今天天气怎么样");
        assertThat(r.action()).isEqualTo(Action.UNKNOWN);
        assertThat(r.itemName()).isNull();
        assertThat(r.reply()).contains("12345");
    }

    @Test
    void otherCitiesAffairsAreNotAnsweredAsHangzhous() {
        Reply r = ask("北京的狗证要带什么材料");
        assertThat(r.action()).isEqualTo(Action.UNKNOWN);
        assertThat(r.reply()).contains("北京", "杭州");
    }

    @Test
    void greetingGetsAShortFriendlyReply() {
        Reply r = ask("你好");
        assertThat(r.action()).isEqualTo(Action.SMALLTALK);
        assertThat(r.reply()).contains("您好");
    }

    @Test
    void ambiguousQuestionOffersANumberedMenuAndANumberPicksAnOption() {
        Reply menu = ask("社保卡和狗证");
        assertThat(menu.action()).isEqualTo(Action.CLARIFY);
        // both items named are offered (社保卡 also names the card's replacement)
        assertThat(menu.options()).contains("养犬登记（犬证办理）", "社会保障卡（市民卡）申领").hasSizeLessThanOrEqualTo(4);
        assertThat(menu.reply()).contains("1. ", "2. ");
        Reply chosen = ask("第二个");
        assertThat(chosen.action()).isEqualTo(Action.ANSWER);
        assertThat(chosen.itemName()).isEqualTo(menu.options().get(1));
    }

    @Test
    void turnsAreStoredWithWhatWasAskedAndAnswered() {
        Reply r = ask("狗证要带什么材料");
        assertThat(store.turns(r.conversationId())).singleElement().satisfies(t -> {
            assertThat(t.question()).isEqualTo("狗证要带什么材料");
            assertThat(t.action()).isEqualTo(Action.ANSWER);
            assertThat(t.itemId()).isEqualTo("dog-registration");
            assertThat(t.element()).isEqualTo(Element.MATERIALS);
            assertThat(t.confidence()).isGreaterThan(0.6);
        });
    }
}
