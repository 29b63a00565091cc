package org.askonce.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.askonce.MiniAppTest;
import org.askonce.accounts.Role;
import org.askonce.accounts.UserAccount;
import org.askonce.accounts.UserAccounts;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.HandoffRequested;
import org.askonce.dialogue.Message;
import org.askonce.knowledge.editing.FaqProposal;
import org.askonce.knowledge.editing.KnowledgeDrafts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the agent console shows and lets an agent do, beyond the hand-off's transitions: the real
 * question in the queue, candidates only when they mean something, replies counted as the citizen
 * sees them, transfer to an agent online, and "save as knowledge" masked and filed under an item
 * found by search. (The same context as {@link HandoffQueueIntegrationTests}.)
 */
@MiniAppTest
class AgentConsoleIntegrationTests {

    @Autowired
    DialogueEngine dialogue;
    @Autowired
    HandoffQueue queue;
    @Autowired
    UserAccounts accounts;
    @Autowired
    AgentPresence presence;
    @Autowired
    KnowledgeDrafts drafts;
    @Autowired
    JdbcClient jdbc;

    private String say(String user, String text) {
        return dialogue.handle(Channel.WEB, user, text).conversationId();
    }

    private Handoff handoffOf(String conversationId) {
        return queue.transcript(conversationId).handoff();
    }

    private void agent(String username, String name) {
        if (accounts.find(username).isEmpty()) {
            accounts.create(username, name, Role.AGENT, "agent-console-key-41");
        }
    }

    // --- the queue ---

    @Test
    void theQueueShowsTheQuestionsBeforeTheRequestForAPersonNotTheRequest() {
        say("ac-asked", "你好");
        say("ac-asked", "狗证要带什么材料");
        String id = say("ac-asked", "我要找人工客服");

        assertThat(handoffOf(id).questionLines()).containsExactly("狗证要带什么材料");
    }

    @Test
    void theCandidatesOfABareRequestAreThoseOfTheQuestionBeforeIt() {
        say("ac-candidates", "狗证要带什么材料");
        String id = say("ac-candidates", "转人工");

        assertThat(handoffOf(id).candidates()).extracting(HandoffRequested.Suggestion::itemId).contains("dog-registration");
    }

    @Test
    void aBareRequestForAPersonHasNoQuestionAndNoCandidatesUntilTheCitizenSaysWhatAbout() {
        String id = say("ac-bare", "转人工");
        assertThat(handoffOf(id).questionLines()).isEmpty();
        assertThat(handoffOf(id).candidates()).isEmpty();

        say("ac-bare", "我想问办狗证要带什么，电话13912345678");

        assertThat(handoffOf(id).questionLines()).containsExactly("我想问办狗证要带什么，电话139****5678");
        assertThat(handoffOf(id).candidates()).extracting(HandoffRequested.Suggestion::itemId).contains("dog-registration");
    }

    @Test
    void candidatesBelowTheSuggestThresholdAreNotShown() {
        String id = say("ac-weak", "人工");
        say("ac-weak", "我家楼下的路灯坏了好几天了");

        assertThat(handoffOf(id).questionLines()).containsExactly("我家楼下的路灯坏了好几天了");
        assertThat(handoffOf(id).candidates()).isEmpty();
    }

    // --- replies ---

    @Test
    void aReplyIsCountedAsTheCitizenSeesItLineBreaksOnce() {
        String id = say("ac-count", "人工");
        queue.claim(id, "agent-count");
        // 1,989 characters as typed, 30 of them line breaks, sent by the browser as CRLF (2,019 UTF-16 units)
        String typed = ("办".repeat(65) + "\r\n").repeat(30) + "办".repeat(1989 - 66 * 30);

        Message sent = queue.reply(id, "agent-count", typed);

        assertThat(sent.text()).doesNotContain("\r").hasLineCount(31);
        assertThat(sent.text().codePointCount(0, sent.text().length())).isEqualTo(1989);
    }

    @Test
    void anEmojiCountsAsOneCharacterAndOneOverTheLimitIsRefusedWithTheCount() {
        String id = say("ac-emoji", "人工");
        queue.claim(id, "agent-count");

        assertThat(queue.reply(id, "agent-count", "好".repeat(1999) + "😀").text()).endsWith("😀");
        assertThatThrownBy(() -> queue.reply(id, "agent-count", "好".repeat(2000) + "😀"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("回复内容不能超过2000字，现在是2001字");
    }

    // --- transfer ---

    @Test
    void transferOffersTheAgentsOnlineButNotTheAgentThemselves() {
        agent("ac-online", "在线坐席");
        agent("ac-away", "离开的坐席");
        presence.seen("ac-me");
        presence.seen("ac-online");
        jdbc.sql("DELETE FROM agent_presence WHERE username = 'ac-away'").update();
        jdbc.sql("INSERT INTO agent_presence (username, last_seen) VALUES ('ac-away', ?)")
                .param(Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES))).update();

        assertThat(queue.transferTargets("ac-me")).extracting(UserAccount::username).contains("ac-online")
                .doesNotContain("ac-away", "ac-me");
    }

    @Test
    void aTransferToAnAgentWhoIsNotOnlineIsRefusedByName() {
        agent("ac-offline", "休假坐席");
        jdbc.sql("DELETE FROM agent_presence WHERE username = 'ac-offline'").update();
        String id = say("ac-transfer", "人工");
        queue.claim(id, "agent-t");

        assertThatThrownBy(() -> queue.transfer(id, "agent-t", "ac-offline")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("休假坐席").hasMessageContaining("不在线");
        assertThat(handoffOf(id).agent()).isEqualTo("agent-t");
    }

    @Test
    void anEditorOnlineIsNoTransferTarget() {
        if (accounts.find("ac-editor").isEmpty()) {
            accounts.create("ac-editor", "编辑", Role.EDITOR, "editor-console-key-41");
        }
        presence.seen("ac-editor");

        assertThat(queue.transferTargets("anyone")).extracting(UserAccount::username).doesNotContain("ac-editor");
    }

    // --- save as knowledge ---

    private String endedWithPersonalData(String user) {
        String id = say(user, "人工");
        say(user, "我叫张三，身份证330102199001011234，狗证要带什么材料");
        say(user, "电话13912345678");
        queue.claim(id, "agent-k");
        queue.reply(id, "agent-k", "张三您好，办狗证请带身份证和犬只免疫证明，我们会打13912345678联系您。");
        queue.resolve(id, "agent-k");
        return id;
    }

    @Test
    void theDraftMasksPhoneIdCardAndTheCitizensNameEverywhere() {
        HandoffQueue.Proposal p = queue.proposalFor(endedWithPersonalData("ac-draft"));

        assertThat(p.question()).isEqualTo("我叫张*，身份证330102********1234，狗证要带什么材料");
        assertThat(p.answer()).isEqualTo("张*您好，办狗证请带身份证和犬只免疫证明，我们会打139****5678联系您。");
        assertThat(String.join("", p.similarQuestions())).doesNotContain("13912345678").doesNotContain("张三");
    }

    @Test
    void theDraftProposesTheItemASearchForTheQuestionFinds() {
        HandoffQueue.Proposal p = queue.proposalFor(endedWithPersonalData("ac-item"));

        assertThat(p.itemId()).isEqualTo("dog-registration");
        assertThat(queue.itemsFor("社保卡怎么办")).extracting(KnowledgeLookup.ItemChoice::itemId).first().isEqualTo("social-security-card");
    }

    @Test
    void whatAnAgentSavesIsMaskedAgainAndAnUnknownItemIsRefused() {
        String id = endedWithPersonalData("ac-save");

        assertThatThrownBy(() -> queue.proposeKnowledge(id, "agent-k",
                new HandoffQueue.Proposal("no-such-item", "狗证要带什么", java.util.List.of(), "带身份证")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-item");
        long draft = queue.proposeKnowledge(id, "agent-k",
                new HandoffQueue.Proposal("dog-registration", "张三问狗证要带什么", java.util.List.of("13912345678能办吗"), "请张三带身份证"));

        FaqProposal saved = drafts.find(draft).orElseThrow();
        assertThat(saved.question()).isEqualTo("张*问狗证要带什么");
        assertThat(saved.answer()).isEqualTo("请张*带身份证");
        assertThat(saved.itemId()).isEqualTo("dog-registration");
    }
}
