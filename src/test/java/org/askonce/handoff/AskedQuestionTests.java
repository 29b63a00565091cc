package org.askonce.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.HandoffRequested.Reason;
import org.askonce.dialogue.Message;
import org.askonce.dialogue.Sender;
import org.junit.jupiter.api.Test;

/** The citizen's real question for the agent's queue, literal messages in, question out. */
class AskedQuestionTests {

    private final List<Message> messages = new ArrayList<>();

    private void citizen(String text, Action action) {
        messages.add(new Message(messages.size() + 1, "c", Sender.CITIZEN, text, Instant.EPOCH, null, null, null, messages.size(), action));
    }

    private void bot(String text, Action action) {
        messages.add(new Message(messages.size() + 1, "c", Sender.BOT, text, Instant.EPOCH, null, null, null, messages.size(), action));
    }

    @Test
    void aBareRequestForAPersonIsNoQuestion() {
        assertThat(AskedQuestion.requestOnly("转人工")).isTrue();
        assertThat(AskedQuestion.requestOnly("我要找人工客服")).isTrue();
        assertThat(AskedQuestion.requestOnly("请帮我转接工作人员，谢谢！")).isTrue();
        assertThat(AskedQuestion.requestOnly("我要跟真人说")).isTrue();
    }

    @Test
    void aRequestThatSaysWhatAboutIsAQuestion() {
        assertThat(AskedQuestion.requestOnly("护照加急要多久，转人工")).isFalse();
    }

    @Test
    void theQuestionsBeforeTheRequestAreTheQuestionAndSmalltalkAndMenuNumbersAreLeftOut() {
        citizen("你好", Action.SMALLTALK);
        citizen("护照怎么办", Action.CLARIFY);
        citizen("1", Action.ANSWER);
        citizen("加急要多久", Action.ANSWER);
        citizen("转人工", Action.HANDOFF);

        assertThat(AskedQuestion.of(messages, Reason.CITIZEN_ASKED)).isEqualTo("护照怎么办\n加急要多久");
    }

    @Test
    void onlyTheLastThreeQuestionsAreKept() {
        for (String q : List.of("狗证怎么办", "要带什么", "多少钱", "在哪里办")) {
            citizen(q, Action.ANSWER);
        }
        citizen("人工", Action.HANDOFF);

        assertThat(AskedQuestion.of(messages, Reason.CITIZEN_ASKED)).isEqualTo("要带什么\n多少钱\n在哪里办");
    }

    @Test
    void theMessageTheBotWasUnsureOfTwiceIsPartOfTheQuestion() {
        citizen("公积金能取吗", Action.UNKNOWN);
        citizen("租房提取公积金", Action.HANDOFF);

        assertThat(AskedQuestion.of(messages, Reason.NOT_SURE_TWICE)).isEqualTo("公积金能取吗\n租房提取公积金");
    }

    @Test
    void questionsOfAnEarlierHandoffInTheConversationAreNotThisOnes() {
        citizen("狗证怎么办", Action.ANSWER);
        citizen("人工", Action.HANDOFF);
        bot("本次人工服务已结束", Action.RESOLVED);
        citizen("社保卡丢了怎么补", Action.ANSWER);
        citizen("转人工", Action.HANDOFF);

        assertThat(AskedQuestion.of(messages, Reason.CITIZEN_ASKED)).isEqualTo("社保卡丢了怎么补");
    }

    @Test
    void aBareRequestWithNothingBeforeItHasNoQuestion() {
        citizen("转人工", Action.HANDOFF);

        assertThat(AskedQuestion.of(messages, Reason.CITIZEN_ASKED)).isEmpty();
    }
}
