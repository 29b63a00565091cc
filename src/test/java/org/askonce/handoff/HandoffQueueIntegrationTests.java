package org.askonce.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.askonce.MiniAppTest;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccounts;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.Conversation;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.HandoffRequested;
import org.askonce.dialogue.Message;
import org.askonce.dialogue.Reply;
import org.askonce.dialogue.Sender;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every transition of a hand-off, as citizens (web chat) and agents cause them: BOT → WAITING →
 * WITH_AGENT → RESOLVED / handed back, and WAITING → cancelled; the bot silent meanwhile; the agent's
 * answer in the citizen's messages; ratings. Agents work around the clock here (the calendar is
 * tested on its own and in {@link AfterHoursIntegrationTests}).
 */
@MiniAppTest
class HandoffQueueIntegrationTests {

    @Autowired
    DialogueEngine dialogue;

    @Autowired
    Conversations conversations;

    @Autowired
    HandoffQueue queue;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AgentPresence presence;

    private Reply say(String user, String text) {
        return dialogue.handle(Channel.WEB, user, text);
    }

    private Handoff handoffOf(String conversationId) {
        return queue.transcript(conversationId).handoff();
    }

    private Conversation.State stateOf(String conversationId) {
        return conversations.conversation(conversationId).orElseThrow().state();
    }

    @Test
    void askingForAPersonQueuesTheConversationWithTheQuestionThatLedToIt() {
        say("ho-queue", "狗证要带什么材料");
        Reply r = say("ho-queue", "转人工");

        assertThat(r.action()).isEqualTo(Action.HANDOFF);
        assertThat(r.reply()).contains("人工客服");
        assertThat(stateOf(r.conversationId())).isEqualTo(Conversation.State.WAITING);
        Handoff h = handoffOf(r.conversationId());
        assertThat(h.state()).isEqualTo(Handoff.State.WAITING);
        assertThat(h.reason()).isEqualTo(HandoffRequested.Reason.CITIZEN_ASKED);
        assertThat(h.questionLines()).containsExactly("狗证要带什么材料");
        assertThat(h.afterHours()).isFalse();
        assertThat(queue.queue()).extracting(Handoff::conversationId).contains(r.conversationId());
    }

    @Test
    void whileWaitingTheBotStaysSilentAndKeepsTheCitizensMessagesForTheAgent() {
        String id = say("ho-silent", "人工").conversationId();

        Reply first = say("ho-silent", "狗证要带什么材料");
        Reply second = say("ho-silent", "我的电话是13912345678");

        assertThat(first.action()).isEqualTo(Action.WITH_AGENT);
        assertThat(first.reply()).contains("已转给人工客服");
        assertThat(second.action()).isEqualTo(Action.WITH_AGENT);
        assertThat(second.reply()).isEmpty();
        List<Message> messages = queue.transcript(id).messages();
        assertThat(messages).filteredOn(m -> m.sender() == Sender.CITIZEN).extracting(Message::text)
                .containsExactly("人工", "狗证要带什么材料", "我的电话是13912345678");
        assertThat(messages).extracting(Message::text).noneMatch(t -> t.contains("犬只狂犬病免疫证明"));
        assertThat(handoffOf(id).contactPhone()).isEqualTo("13912345678");
    }

    @Test
    void aCitizenCanCancelWaitingAndTheBotAnswersAgain() {
        String id = say("ho-cancel", "人工").conversationId();

        Reply cancelled = say("ho-cancel", "不用了");
        Reply next = say("ho-cancel", "狗证要带什么材料");

        assertThat(cancelled.action()).isEqualTo(Action.NOTICE);
        assertThat(cancelled.reply()).contains("已取消人工服务");
        assertThat(handoffOf(id).state()).isEqualTo(Handoff.State.CANCELLED);
        assertThat(stateOf(id)).isEqualTo(Conversation.State.BOT);
        assertThat(next.action()).isEqualTo(Action.ANSWER);
        assertThat(queue.queue()).extracting(Handoff::conversationId).doesNotContain(id);
    }

    @Test
    void anAgentClaimsRepliesAndResolvesAndTheCitizenRatesTheHandoff() {
        String id = say("ho-resolve", "人工").conversationId();

        Handoff claimed = queue.claim(id, "agent-a");
        assertThat(claimed.state()).isEqualTo(Handoff.State.WITH_AGENT);
        assertThat(claimed.agent()).isEqualTo("agent-a");
        assertThat(stateOf(id)).isEqualTo(Conversation.State.WITH_AGENT);
        assertThat(say("ho-resolve", "请问多久能办好").action()).isEqualTo(Action.WITH_AGENT);

        Message answer = queue.reply(id, "agent-a", "一般当场办结。");
        assertThat(answer.sender()).isEqualTo(Sender.AGENT);
        assertThat(answer.agent()).isEqualTo("agent-a");
        assertThat(answer.delivery()).isEqualTo("UNREAD"); // a web citizen's page has not fetched it yet
        assertThat(conversations.messagesOf(Channel.WEB, "ho-resolve", answer.id() - 1)).extracting(Message::text)
                .containsExactly("一般当场办结。");

        Handoff resolved = queue.resolve(id, "agent-a");
        assertThat(resolved.state()).isEqualTo(Handoff.State.RESOLVED);
        assertThat(stateOf(id)).isEqualTo(Conversation.State.BOT);
        assertThat(conversations.messagesOf(Channel.WEB, "ho-resolve", answer.id())).extracting(Message::text)
                .singleElement().asString().contains("回复 1 满意");

        Reply rated = say("ho-resolve", "1");
        assertThat(rated.action()).isEqualTo(Action.RATED);
        assertThat(handoffOf(id).rating()).isEqualTo(1);
        assertThat(conversations.conversation(id).orElseThrow().rating()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT rating FROM chat_turn WHERE conversation_id = ? AND action = 'RESOLVED'").param(id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void handedBackTheBotAnswersAgain() {
        String id = say("ho-back", "人工").conversationId();
        queue.claim(id, "agent-a");

        Handoff back = queue.handBack(id, "agent-a");

        assertThat(back.state()).isEqualTo(Handoff.State.HANDED_BACK);
        assertThat(say("ho-back", "狗证要带什么材料").action()).isEqualTo(Action.ANSWER);
    }

    @Test
    void onlyTheAgentWhoClaimedCanReplyAndATransferPassesTheConversationOn() {
        String id = say("ho-transfer", "人工").conversationId();
        assertThatThrownBy(() -> queue.reply(id, "agent-a", "您好")).isInstanceOf(HandoffQueue.Conflict.class)
                .hasMessageContaining("请先接入");
        queue.claim(id, "agent-a");
        assertThatThrownBy(() -> queue.reply(id, "agent-b", "您好")).isInstanceOf(HandoffQueue.Conflict.class)
                .hasMessageContaining("agent-a");

        assertThatThrownBy(() -> queue.transfer(id, "agent-a", "nobody")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nobody");
        if (accounts.find("agent-b").isEmpty()) {
            accounts.create("agent-b", "坐席乙", Role.AGENT, "second-agent-secret");
        }
        presence.seen("agent-b");
        queue.transfer(id, "agent-a", "agent-b");

        assertThat(handoffOf(id).agent()).isEqualTo("agent-b");
        assertThat(queue.reply(id, "agent-b", "您好，我来为您解答。").agent()).isEqualTo("agent-b");
        assertThatThrownBy(() -> queue.reply(id, "agent-a", "还有我")).isInstanceOf(HandoffQueue.Conflict.class);
    }

    @Test
    void ofAgentsClaimingAtOnceExactlyOneGetsTheConversation() throws Exception {
        String id = say("ho-race", "人工").conversationId();
        int agents = 6;
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            String agent = "racer-" + i;
            Callable<String> claim = () -> {
                start.await();
                try {
                    return queue.claim(id, agent).agent();
                } catch (HandoffQueue.Conflict e) {
                    return "lost";
                }
            };
            results.add(pool.submit(claim));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(o -> !o.equals("lost")).hasSize(1);
        assertThat(handoffOf(id).agent()).isEqualTo(outcomes.stream().filter(o -> !o.equals("lost")).findFirst().orElseThrow());
    }

    @Test
    void notSatisfiedWithAnAnswerAndAskingAgainGoesToAPerson() {
        assertThat(say("ho-unhappy", "狗证要带什么材料").action()).isEqualTo(Action.ANSWER);

        Reply rated = say("ho-unhappy", "不满意");
        Reply again = say("ho-unhappy", "到底要带哪些东西");

        assertThat(rated.action()).isEqualTo(Action.RATED);
        assertThat(rated.reply()).contains("请工作人员");
        assertThat(again.action()).isEqualTo(Action.HANDOFF);
        assertThat(handoffOf(again.conversationId()).reason()).isEqualTo(HandoffRequested.Reason.DISSATISFIED);
        assertThat(jdbc.sql("SELECT rating FROM chat_turn WHERE conversation_id = ? AND action = 'ANSWER'")
                .param(again.conversationId()).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void aClosedHandoffCannotBeClaimedOrAnswered() {
        String id = say("ho-closed", "人工").conversationId();
        say("ho-closed", "算了");

        assertThatThrownBy(() -> queue.claim(id, "agent-a")).isInstanceOf(HandoffQueue.Conflict.class).hasMessageContaining("市民已取消");
        assertThatThrownBy(() -> queue.transcript("no-such-conversation")).isInstanceOf(HandoffQueue.NotFound.class);
    }
}
