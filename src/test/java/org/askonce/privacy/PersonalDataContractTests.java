package org.askonce.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.Conversation;
import org.askonce.dialogue.ConversationStore;
import org.askonce.dialogue.Conversations;
import org.askonce.dialogue.DialogueEngine;
import org.askonce.dialogue.Message;
import org.askonce.dialogue.Reply;
import org.askonce.dialogue.Sender;
import org.askonce.dialogue.Turn;
import org.askonce.evaluation.LearningLoop;
import org.askonce.handoff.HandoffQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal data minimised, run against H2 and PostgreSQL by the two subclasses: what citizens type is
 * stored masked, the agent of an open hand-off sees it in clear, the nightly purge ends the clear
 * text and old conversations. Agents work around the clock here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "askonce.knowledge-base=src/test/resources/mini/kb",
    "askonce.nlp.training-dir=src/test/resources/mini/training",
    "askonce.handoff.hours=00:00-23:59",
    "askonce.handoff.workdays=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"})
abstract class PersonalDataContractTests {

    private static final String MOBILE = "13812345678";
    private static final String MOBILE_MASKED = "138****5678";
    private static final String ID_CARD = "330102199001011234";
    private static final String ID_CARD_MASKED = "330102********1234";

    @Autowired
    DialogueEngine dialogue;
    @Autowired
    Conversations conversationFacade;

    @Autowired
    HandoffQueue queue;
    @Autowired
    RetentionJob retention;
    @Autowired
    LearningLoop learning;
    @Autowired
    ConversationStore conversations;
    @Autowired
    JdbcClient jdbc;

    private Reply say(String user, String text) {
        return dialogue.handle(Channel.WEB, user, text);
    }

    private List<String> storedQuestions(String conversationId) {
        return jdbc.sql("SELECT question FROM chat_turn WHERE conversation_id = ? AND question IS NOT NULL ORDER BY id")
                .param(conversationId).query(String.class).list();
    }

    private List<String> citizenWordsInTranscript(String conversationId) {
        return queue.transcript(conversationId).messages().stream().filter(m -> m.sender() == Sender.CITIZEN).map(Message::text).toList();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** A hand-off with the citizen's phone number, claimed and resolved by an agent; returns the conversation id. */
    private String resolvedHandoff(String user) {
        String id = say(user, "人工").conversationId();
        say(user, "我的电话" + MOBILE);
        queue.claim(id, "agent-p");
        queue.reply(id, "agent-p", "好的，我们会电话联系您。");
        queue.resolve(id, "agent-p");
        return id;
    }

    // --- stored masked ---

    @Test
    void whatACitizenTypesIsStoredWithItsNumbersMasked() {
        Reply r = say("pd-stored", "我的电话" + MOBILE + "，身份证" + ID_CARD + "，怎么查社保");

        assertThat(storedQuestions(r.conversationId())).containsExactly("我的电话" + MOBILE_MASKED + "，身份证" + ID_CARD_MASKED + "，怎么查社保");
    }

    @Test
    void theCitizensOwnMessageListShowsTheirNumbersMasked() {
        say("pd-own", "人工");
        say("pd-own", "身份证" + ID_CARD);

        assertThat(conversationFacade.messagesOf(Channel.WEB, "pd-own", 0)).filteredOn(m -> m.sender() == Sender.CITIZEN)
                .extracting(Message::text).containsExactly("人工", "身份证" + ID_CARD_MASKED);
    }

    @Test
    void theBotsAnswerKeepsTheOfficesPhoneNumberInClear() {
        Reply r = say("pd-bot", "狗证咨询电话是多少");

        assertThat(r.action()).isEqualTo(Action.ANSWER);
        assertThat(r.reply()).contains("0571-87280110");
        assertThat(conversationFacade.messages(r.conversationId(), 0)).filteredOn(m -> m.sender() == Sender.BOT).singleElement()
                .satisfies(m -> assertThat(m.text()).isEqualTo(r.reply()));
    }

    @Test
    void anAgentsReplyIsStoredAndDeliveredAsTheAgentWroteIt() {
        String id = say("pd-agent", "人工").conversationId();
        queue.claim(id, "agent-r");

        queue.reply(id, "agent-r", "请拨打0571-87280110咨询。");

        assertThat(conversationFacade.messagesOf(Channel.WEB, "pd-agent", 0)).filteredOn(m -> m.sender() == Sender.AGENT)
                .extracting(Message::text).containsExactly("请拨打0571-87280110咨询。");
    }

    // --- clear for the agent of an open hand-off ---

    @Test
    void theAgentOfAnOpenHandoffSeesTheNumbersTheCitizenTyped() {
        String id = say("pd-open", "人工").conversationId();
        say("pd-open", "身份证" + ID_CARD + "，电话" + MOBILE);

        assertThat(citizenWordsInTranscript(id)).containsExactly("人工", "身份证" + ID_CARD + "，电话" + MOBILE);
        assertThat(storedQuestions(id)).containsExactly("人工", "身份证" + ID_CARD_MASKED + "，电话" + MOBILE_MASKED);
    }

    @Test
    void numbersTypedBeforeTheHandoffAreShownToTheAgentWhileItIsOpen() {
        say("pd-before", "我的身份证" + ID_CARD + "怎么查社保");
        String id = say("pd-before", "转人工").conversationId();

        retention.purge(Instant.now().plus(Duration.ofHours(2)));

        assertThat(citizenWordsInTranscript(id)).first().isEqualTo("我的身份证" + ID_CARD + "怎么查社保");
    }

    @Test
    void theQueueShowsTheHandoffQuestionMaskedAndKeepsThePhoneLeftToCallBack() {
        String id = say("pd-queue", "转人工，我的电话" + MOBILE).conversationId();

        assertThat(queue.queue()).filteredOn(h -> h.conversationId().equals(id)).singleElement().satisfies(h -> {
            assertThat(h.question()).isEqualTo("转人工，我的电话" + MOBILE_MASKED);
            assertThat(h.contactPhone()).isEqualTo(MOBILE);
        });
    }

    // --- the clear text ends ---

    @Test
    void afterTheHandoffEndedTheAgentStillSeesTheNumbersWithinTheClearTextRetention() {
        String id = resolvedHandoff("pd-kept");

        retention.purge(Instant.now().plus(Duration.ofDays(6)));

        assertThat(citizenWordsInTranscript(id)).contains("我的电话" + MOBILE);
        assertThat(queue.transcript(id).handoff().contactPhone()).isEqualTo(MOBILE);
    }

    @Test
    void onceTheClearTextRetentionIsOverTheAgentSeesTheNumbersMasked() {
        String id = resolvedHandoff("pd-over");

        retention.purge(Instant.now().plus(Duration.ofDays(8)));

        assertThat(citizenWordsInTranscript(id)).contains("我的电话" + MOBILE_MASKED).doesNotContain("我的电话" + MOBILE);
        assertThat(queue.transcript(id).handoff().contactPhone()).isEqualTo(MOBILE_MASKED);
        assertThat(count("SELECT COUNT(*) FROM turn_clear_text WHERE conversation_id = ?", id)).isZero();
    }

    @Test
    void theClearTextOfAConversationNoPersonTookIsPurgedOnceItCanNoLongerBeHandedOver() {
        String id = say("pd-bot-only", "我的电话" + MOBILE + "怎么查社保").conversationId();
        assertThat(count("SELECT COUNT(*) FROM turn_clear_text WHERE conversation_id = ?", id)).isOne();

        retention.purge(Instant.now().plus(Duration.ofMinutes(31)));

        assertThat(count("SELECT COUNT(*) FROM turn_clear_text WHERE conversation_id = ?", id)).isZero();
        assertThat(storedQuestions(id)).containsExactly("我的电话" + MOBILE_MASKED + "怎么查社保");
    }

    @Test
    void theClearTextIsKeptAsLongAsTheConversationGoesOnWithTheBot() {
        Instant start = Instant.now();
        Conversation c = new Conversation("pd-going-on", Channel.WEB, "pd-going-on", start, start, Conversation.State.BOT,
                null, null, List.of(), 0, null, false, null);
        conversations.save(c, new Turn(c.id(), start, "电话" + MOBILE, null, Action.UNKNOWN, null, null, null, 0.1, "回复"));
        Instant later = start.plus(Duration.ofMinutes(25));
        Conversation next = new Conversation(c.id(), Channel.WEB, c.userId(), start, later, Conversation.State.BOT,
                null, null, List.of(), 0, null, false, null);
        conversations.save(next, new Turn(c.id(), later, "还在吗", null, Action.UNKNOWN, null, null, null, 0.1, "回复"));

        retention.purge(start.plus(Duration.ofMinutes(40)));

        assertThat(count("SELECT COUNT(*) FROM turn_clear_text WHERE conversation_id = ?", c.id())).isOne();
    }

    @Test
    void aMessageWithoutNumbersKeepsNoClearText() {
        String id = say("pd-plain", "人工").conversationId();
        say("pd-plain", "狗证要多少钱");

        assertThat(count("SELECT COUNT(*) FROM turn_clear_text WHERE conversation_id = ?", id)).isZero();
    }

    // --- retention of conversations ---

    @Test
    void conversationsWhoseLastMessageIsOlderThanTheRetentionAreDeletedOnBothChannels() {
        String web = say("pd-old-web", "狗证要带什么材料").conversationId();
        String wechat = dialogue.handle(Channel.WECHAT, "pd-old-wechat", "狗证要带什么材料").conversationId();
        String ended = resolvedHandoff("pd-old-handoff");

        retention.purge(Instant.now().plus(Duration.ofDays(181)));

        for (String id : List.of(web, wechat, ended)) {
            assertThat(count("SELECT COUNT(*) FROM conversation WHERE id = ?", id)).isZero();
            assertThat(count("SELECT COUNT(*) FROM chat_turn WHERE conversation_id = ?", id)).isZero();
            assertThat(count("SELECT COUNT(*) FROM handoff WHERE conversation_id = ?", id)).isZero();
        }
    }

    @Test
    void conversationsWithinTheRetentionAreKept() {
        String id = say("pd-recent", "狗证要带什么材料").conversationId();

        retention.purge(Instant.now().plus(Duration.ofDays(179)));

        assertThat(count("SELECT COUNT(*) FROM chat_turn WHERE conversation_id = ?", id)).isOne();
    }

    @Test
    void anOpenHandoffIsKeptInClearWhateverItsAge() {
        say("pd-waiting", "身份证" + ID_CARD + "怎么查社保");
        String id = say("pd-waiting", "人工").conversationId();
        say("pd-waiting", "电话" + MOBILE);

        retention.purge(Instant.now().plus(Duration.ofDays(400)));

        assertThat(citizenWordsInTranscript(id)).containsExactly("身份证" + ID_CARD + "怎么查社保", "人工", "电话" + MOBILE);
        assertThat(queue.transcript(id).handoff().state().open()).isTrue();
    }

    @Test
    void whatTheWechatChannelKeepsOfACitizenGoesWithTheRetention() {
        Timestamp old = Timestamp.from(Instant.now().minus(Duration.ofDays(200)));
        jdbc.sql("INSERT INTO wechat_follower (open_id, app_id, last_seen) VALUES ('pd-gone', 'wxpd', ?)").param(old).update();
        jdbc.sql("INSERT INTO wechat_follower (open_id, app_id, last_seen) VALUES ('pd-here', 'wxpd', ?)")
                .param(Timestamp.from(Instant.now())).update();
        for (String state : List.of("SENT", "PENDING")) {
            jdbc.sql("""
                            INSERT INTO wechat_outbox (app_id, open_id, content, state, attempts, created_at, next_attempt_at)
                            VALUES ('wxpd', 'pd-gone', '回复', ?, 1, ?, ?)""").params(state, old, old).update();
        }

        retention.purge(Instant.now());

        assertThat(jdbc.sql("SELECT open_id FROM wechat_follower WHERE app_id = 'wxpd'").query(String.class).list()).containsExactly("pd-here");
        assertThat(jdbc.sql("SELECT state FROM wechat_outbox WHERE app_id = 'wxpd'").query(String.class).list()).containsExactly("PENDING");
    }

    // --- knowledge from conversations ---

    @Test
    void saveAsKnowledgeStartsFromTheCitizensWordsMaskedAndStoresThemMasked() {
        String id = say("pd-know", "人工").conversationId();
        say("pd-know", "身份证" + ID_CARD + "丢了怎么补办");
        queue.claim(id, "agent-k");
        queue.reply(id, "agent-k", "请携带户口簿到派出所补办。");
        queue.resolve(id, "agent-k");

        HandoffQueue.Proposal proposal = queue.proposalFor(id);
        long draft = queue.proposeKnowledge(id, "agent-k", new HandoffQueue.Proposal(null, "身份证" + ID_CARD + "丢了怎么补办",
                List.of("电话" + MOBILE + "能补办吗"), proposal.answer()));

        assertThat(proposal.question()).isEqualTo("身份证" + ID_CARD_MASKED + "丢了怎么补办");
        assertThat(jdbc.sql("SELECT question FROM kb_faq_draft WHERE id = ?").param(draft).query(String.class).single())
                .isEqualTo("身份证" + ID_CARD_MASKED + "丢了怎么补办");
        assertThat(jdbc.sql("SELECT similar_questions FROM kb_faq_draft WHERE id = ?").param(draft).query(String.class).single())
                .isEqualTo("电话" + MOBILE_MASKED + "能补办吗");
    }

    @Test
    void theNotYetAnsweredListShowsTheNumbersMasked() {
        say("pd-learn", "公积金账户密码忘了电话" + MOBILE + "怎么办");

        assertThat(learning.groups(1)).flatExtracting(LearningLoop.Group::wordings)
                .contains("公积金账户密码忘了电话" + MOBILE_MASKED + "怎么办")
                .noneMatch(w -> w.contains(MOBILE));
    }

    @Test
    void theNotYetAnsweredListMasksNumbersStoredAroundTheMasker() {
        String id = say("pd-legacy", "公积金怎么取").conversationId();
        jdbc.sql("""
                        INSERT INTO chat_turn (conversation_id, created_at, question, action, confidence, reply)
                        VALUES (?, ?, ?, 'UNKNOWN', 0.1, '回复')""")
                .params(id, Timestamp.from(Instant.now()), "旧数据身份证" + ID_CARD + "查不到").update();

        assertThat(learning.groups(1)).flatExtracting(LearningLoop.Group::wordings)
                .contains("旧数据身份证" + ID_CARD_MASKED + "查不到");
    }
}
