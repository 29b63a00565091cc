package org.askonce.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.askonce.MiniKnowledge;
import org.askonce.analytics.AnalyticsReport.Counts;
import org.askonce.analytics.AnalyticsReport.EventUse;
import org.askonce.dialogue.Action;
import org.askonce.dialogue.Channel;
import org.askonce.dialogue.ConversationStatistics;
import org.askonce.dialogue.HandoffRequested.Reason;
import org.askonce.dialogue.QuestionAnswered;
import org.askonce.handoff.HandoffStatistics;
import org.askonce.knowledge.KnowledgeBase;
import org.askonce.knowledge.LifeEvent;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's figures for a seeded set of conversations, turns, ratings and hand-offs over
 * 1–3 March 2024 (Beijing time), with traffic just outside the range on both sides. Run against H2
 * and PostgreSQL by the two subclasses.
 */
abstract class AnalyticsContractTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateRange MARCH_1_TO_3 = new DateRange(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 3));
    private static final String DOG = "dog-registration";
    private static final String CARD = "social-security-card";

    private JdbcClient jdbc;
    private AnalyticsReport report;

    abstract DataSource freshDatabase();

    @BeforeEach
    void seed() {
        DataSource dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);

        conversation("before", "2024-02-29T23:59");
        turn("before", "2024-02-29T23:59", "社保卡怎么办", "ANSWER", CARD, 0.9, null);

        // 1 March, just after midnight in Beijing (still 29 February in UTC)
        conversation("c1", "2024-03-01T00:30");
        turn("c1", "2024-03-01T00:30", "社保卡怎么办？", "ANSWER", CARD, 0.9, 1);
        turn("c1", "2024-03-01T00:31", "满意", "RATED", null, 1.0, null);
        turn("c1", "2024-03-01T00:32", "你好", "SMALLTALK", null, 1.0, null);
        turn("c1", "2024-03-01T00:33", "狗证 多少钱", "ANSWER", DOG, 0.45, 3);
        conversation("c2", "2024-03-01T10:00");
        turn("c2", "2024-03-01T10:00", "公积金怎么取", "UNKNOWN", null, 0.1, null);
        turn("c2", "2024-03-01T10:01", "公积金 怎么取？", "UNKNOWN", null, 0.1, null);
        turn("c2", "2024-03-01T10:02", "我要人工", "HANDOFF", null, 0, null);
        turn("c2", "2024-03-01T10:03", "在吗", "WITH_AGENT", null, 0, null);
        turn("c2", "2024-03-01T10:06", null, "AGENT_REPLY", null, 1.0, null);
        turn("c2", "2024-03-01T10:09", null, "RESOLVED", null, 1.0, 2);
        handoff("c2", "CITIZEN_ASKED", "RESOLVED", "2024-03-01T10:02", "2024-03-01T10:05", false);

        // 2 March: nothing. 3 March, late in the evening
        conversation("c3", "2024-03-03T23:50");
        turn("c3", "2024-03-03T23:50", "养狗要办什么证", "CLARIFY", null, 0.55, null);
        turn("c3", "2024-03-03T23:51", "1", "ANSWER", DOG, 0.9, null);
        turn("c3", "2024-03-03T23:52", "我的电话13812345678怎么查社保", "UNKNOWN", null, 0.2, null);
        handoff("c3", "CITIZEN_ASKED", "WAITING", "2024-03-03T12:00", null, false);
        handoff("c3", "NOT_SURE_TWICE", "HANDED_BACK", "2024-03-03T23:55", "2024-03-04T09:00", true);

        // 4 March just after midnight in Beijing (still 3 March in UTC): outside the range
        conversation("after", "2024-03-04T00:10");
        turn("after", "2024-03-04T00:10", "社保卡怎么办", "UNKNOWN", null, 0.1, null);
        handoff("after", "CITIZEN_ASKED", "RESOLVED", "2024-03-04T00:10", "2024-03-04T00:11", true);

        // life events: answered in c1 and followed by two questions about its steps, in c3 not followed (the step
        // question comes too late), the day before the range, and an event that is no longer published
        LifeEventUse lifeEvents = new LifeEventUse(jdbc, KNOWLEDGE);
        lifeEvents.on(answered("before", "2024-02-29T23:59", null, ADOPT_DOG.id()));
        lifeEvents.on(answered("c1", "2024-03-01T00:34", DOG, ADOPT_DOG.id()));
        lifeEvents.on(answered("c1", "2024-03-01T00:35", DOG, null));
        lifeEvents.on(answered("c1", "2024-03-01T00:36", CARD, null));
        lifeEvents.on(answered("c3", "2024-03-03T20:00", DOG, ADOPT_DOG.id()));
        lifeEvents.on(answered("c3", "2024-03-03T23:51", DOG, null));
        lifeEvents.on(answered("c2", "2024-03-01T10:04", DOG, "retired-event"));

        report = new Analytics(new ConversationStatistics(jdbc), new HandoffStatistics(jdbc), KNOWLEDGE, AnalyticsSettings.defaults(), lifeEvents).report(MARCH_1_TO_3);
    }

    private static final LifeEvent ADOPT_DOG = new LifeEvent("adopt-dog", "养狗一件事", List.of("养狗要办什么"), null,
            List.of(new LifeEvent.Step(DOG, "养犬登记（犬证办理）", "办犬证", null),
                    new LifeEvent.Step(CARD, "社会保障卡（市民卡）申领", "示例", null)), null, "测试");
    private static final LifeEvent UNUSED = new LifeEvent("unused-event", "没人问的一件事", List.of("没人问"), null,
            List.of(new LifeEvent.Step(CARD, "社会保障卡（市民卡）申领", "示例", null)), null, "测试");
    private static final KnowledgeBase KNOWLEDGE = KnowledgeBase.of(MiniKnowledge.snapshot().withEvents(List.of(ADOPT_DOG, UNUSED)));

    private static QuestionAnswered answered(String conversationId, String at, String itemId, String eventId) {
        return new QuestionAnswered(conversationId, Channel.WEB, Action.ANSWER, itemId, null, null, 0.9, beijing(at).toInstant(), eventId);
    }

    private static Timestamp beijing(String localDateTime) {
        return Timestamp.from(LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant());
    }

    private void conversation(String id, String startedAt) {
        jdbc.sql("""
                        INSERT INTO conversation (id, channel, user_id, started_at, last_active_at, state, unsure_count)
                        VALUES (?, 'WEB', ?, ?, ?, 'BOT', 0)""")
                .params(id, "user-" + id, beijing(startedAt), beijing(startedAt)).update();
    }

    private void turn(String conversationId, String at, String question, String action, String itemId, double confidence,
                      Integer rating) {
        jdbc.sql("""
                        INSERT INTO chat_turn (conversation_id, created_at, question, action, item_id, confidence, reply, rating)
                        VALUES (?, ?, ?, ?, ?, ?, '回复', ?)""")
                .params(conversationId, beijing(at), question, action, itemId, confidence, rating).update();
    }

    private void handoff(String conversationId, String reason, String state, String createdAt, String claimedAt, boolean afterHours) {
        jdbc.sql("""
                        INSERT INTO handoff (conversation_id, channel, user_id, reason, question, candidates, state, created_at,
                        claimed_at, after_hours) VALUES (?, 'WEB', ?, ?, '问题', '[]', ?, ?, ?, ?)""")
                .params(conversationId, "user-" + conversationId, reason, state, beijing(createdAt),
                        claimedAt == null ? null : beijing(claimedAt), afterHours).update();
    }

    @Test
    void hasOneEntryPerDayOfTheRangeEvenWithoutTraffic() {
        assertThat(report.days()).extracting(AnalyticsReport.Day::date)
                .containsExactly(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 3));
        assertThat(report.days().get(1).counts()).isEqualTo(Counts.of(0, 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void countsConversationsAndMessagesOnTheirBeijingDay() {
        Counts march1 = report.days().get(0).counts();
        assertThat(march1.conversations()).isEqualTo(2);
        assertThat(march1.messages()).isEqualTo(8);
        assertThat(march1).extracting(Counts::answered, Counts::clarified, Counts::handedOff, Counts::unknown, Counts::smalltalk,
                Counts::withAgent, Counts::rated).containsExactly(2, 0, 1, 2, 1, 1, 1);
        Counts march3 = report.days().get(2).counts();
        assertThat(march3.conversations()).isEqualTo(1);
        assertThat(march3).extracting(Counts::answered, Counts::clarified, Counts::unknown).containsExactly(1, 1, 1);
    }

    @Test
    void questionsLeaveOutSmalltalkRatingsMessagesToAgentsAndAgentReplies() {
        assertThat(report.days().get(0).counts().questions()).isEqualTo(5);
        assertThat(report.totals().questions()).isEqualTo(8);
        assertThat(report.totals().conversations()).isEqualTo(3);
    }

    @Test
    void answerRateAndHandoffRateAreSharesOfTheQuestions() {
        assertThat(report.days().get(0).counts().answerRate()).isEqualTo(0.4);
        assertThat(report.days().get(0).counts().handoffRate()).isEqualTo(0.2);
        assertThat(report.totals().answerRate()).isEqualTo(3 / 8.0);
        assertThat(report.totals().handoffRate()).isEqualTo(1 / 8.0);
        assertThat(report.days().get(1).counts().answerRate()).isNull();
    }

    @Test
    void satisfactionRateIsSatisfiedAndBasicallySatisfiedOverAllRatings() {
        assertThat(report.satisfaction()).isEqualTo(new AnalyticsReport.Satisfaction(1, 1, 1, 3, 2 / 3.0));
        assertThat(report.answerSatisfaction()).isEqualTo(new AnalyticsReport.Satisfaction(1, 0, 1, 2, 0.5));
        assertThat(report.handoffSatisfaction()).isEqualTo(new AnalyticsReport.Satisfaction(0, 1, 0, 1, 1.0));
    }

    @Test
    void topItemsCarryTheNameAndDepartmentFromTheKnowledgeBase() {
        assertThat(report.topItems()).extracting(i -> i.itemId(), i -> i.name(), i -> i.department(), i -> i.questions(), i -> i.answered())
                .containsExactly(tuple(DOG, "养犬登记（犬证办理）", "杭州市公安局", 2, 2),
                        tuple(CARD, "社会保障卡（市民卡）申领", "杭州市人力资源和社会保障局", 1, 1));
        assertThat(report.departments()).extracting(d -> d.department(), d -> d.items(), d -> d.questions())
                .containsExactly(tuple("杭州市公安局", 1, 2), tuple("杭州市人力资源和社会保障局", 1, 1));
    }

    @Test
    void unansweredGroupsIdenticalWordingsAndMasksPhoneNumbers() {
        assertThat(report.unanswered()).extracting(q -> q.question(), q -> q.count(), q -> q.unknown(), q -> q.handedOff(),
                        q -> q.lowConfidence())
                .containsExactlyInAnyOrder(
                        tuple("公积金怎么取", 2, 2, 0, 0),
                        tuple("我要人工", 1, 0, 1, 0),
                        tuple("狗证 多少钱", 1, 0, 0, 1),
                        tuple("我的电话138****5678怎么查社保", 1, 1, 0, 0));
        assertThat(report.unanswered().get(0).question()).isEqualTo("公积金怎么取");
        assertThat(report.unanswered().get(0).lastAsked()).isEqualTo(beijing("2024-03-01T10:01").toInstant());
    }

    @Test
    void aMenuAtOrAboveTheThresholdIsNotUnanswered() {
        assertThat(report.unanswered()).extracting(AnalyticsReport.UnansweredQuestion::question).doesNotContain("养狗要办什么证");
    }

    @Test
    void handoffsCountHowTheyEndedAndTheWaitForAnAgent() {
        AnalyticsReport.Handoffs h = report.handoffs();
        assertThat(h).extracting(AnalyticsReport.Handoffs::requested, AnalyticsReport.Handoffs::claimed,
                AnalyticsReport.Handoffs::resolved, AnalyticsReport.Handoffs::handedBack, AnalyticsReport.Handoffs::cancelled,
                AnalyticsReport.Handoffs::open, AnalyticsReport.Handoffs::afterHours).containsExactly(3, 2, 1, 1, 0, 1, 1);
        assertThat(h.averageWaitSeconds()).isEqualTo((180 + 32_700) / 2);
        assertThat(h.averageWaitInHoursSeconds()).isEqualTo(180);
        assertThat(h.reasons()).extracting(AnalyticsReport.ReasonCount::reason, AnalyticsReport.ReasonCount::count)
                .containsExactly(tuple(Reason.CITIZEN_ASKED, 2), tuple(Reason.NOT_SURE_TWICE, 1));
    }

    @Test
    void anEmptyRangeHasNoRatesAndEmptyTables() {
        AnalyticsReport empty = new Analytics(new ConversationStatistics(jdbc), new HandoffStatistics(jdbc), KNOWLEDGE, AnalyticsSettings.defaults(), new LifeEventUse(jdbc, KNOWLEDGE))
                .report(new DateRange(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 7)));
        assertThat(empty.days()).hasSize(7);
        assertThat(empty.totals().answerRate()).isNull();
        assertThat(empty.satisfaction().rate()).isNull();
        assertThat(empty.handoffs().averageWaitSeconds()).isNull();
        assertThat(empty.topItems()).isEmpty();
        assertThat(empty.unanswered()).isEmpty();
    }

    @Test
    void countsEachLifeEventsAnswersAndHowOftenTheCitizenThenAskedAboutItsSteps() {
        assertThat(report.lifeEvents()).extracting(EventUse::name, EventUse::answers, EventUse::conversations, EventUse::followed,
                        EventUse::stepQuestions)
                .containsExactly(tuple("养狗一件事", 2, 2, 1, 2), tuple("retired-event（已下线）", 1, 1, 0, 0), tuple("没人问的一件事", 0, 0, 0, 0));
        assertThat(report.lifeEvents().get(0).followRate()).isEqualTo(0.5);
        assertThat(report.lifeEvents().get(2).followRate()).isNull();
    }
}
