package org.askonce.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A JDBC slice (the migrated schema on an embedded H2, no web, no knowledge base): what the figures
 * other modules read of the conversation tables add up to, hour by hour and wording by wording.
 */
@JdbcTest
@Import(ConversationStatistics.class)
class ConversationStatisticsTests {

    private static final Instant NINE = Instant.parse("2024-03-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2024-03-01T10:00:00Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConversationStatistics statistics;

    @BeforeEach
    void turns() {
        conversation("c1", NINE.plusSeconds(60));
        conversation("c2", NINE.plusSeconds(1800));
        conversation("c3", TEN.plusSeconds(60));
        turn("c1", NINE.plusSeconds(61), "狗证要带什么", Action.ANSWER, "dog", 0.9, 3);
        turn("c1", NINE.plusSeconds(62), "狗证要带什么", Action.ANSWER, "dog", 0.4, null);
        turn("c2", NINE.plusSeconds(1801), "怎么办那个证", Action.CLARIFY, "dog", 0.3, null);
        turn("c3", TEN.plusSeconds(61), "我要投诉", Action.UNKNOWN, null, 0.0, null);
        turn("c3", TEN.plusSeconds(62), null, Action.RESOLVED, null, 0.0, 1); // a rated hand-off: no question
        turn("c3", TEN.plusSeconds(63), "人工", Action.HANDOFF, null, 0.0, null);
    }

    @Test
    void conversationsAreCountedByTheHourTheyStarted() {
        assertThat(statistics.startedByHour(NINE, TEN.plusSeconds(3600)))
                .extracting(ConversationStatistics.StartedInHour::hour, ConversationStatistics.StartedInHour::conversations)
                .containsExactlyInAnyOrder(tuple(NINE, 2), tuple(TEN, 1));
        assertThat(statistics.startedByHour(TEN, TEN.plusSeconds(3600))).hasSize(1);
    }

    @Test
    void questionsAreCountedByHourAndActionAndATurnWithoutAQuestionIsNot() {
        assertThat(statistics.questionsByHour(NINE, TEN.plusSeconds(3600)))
                .extracting(ConversationStatistics.QuestionsInHour::hour, ConversationStatistics.QuestionsInHour::action,
                        ConversationStatistics.QuestionsInHour::questions)
                .containsExactlyInAnyOrder(tuple(NINE, Action.ANSWER, 2), tuple(NINE, Action.CLARIFY, 1),
                        tuple(TEN, Action.UNKNOWN, 1), tuple(TEN, Action.HANDOFF, 1));
    }

    @Test
    void ratingsAreCountedByWhatWasRated() {
        assertThat(statistics.ratings(NINE, TEN.plusSeconds(3600)))
                .extracting(ConversationStatistics.RatingCount::action, ConversationStatistics.RatingCount::rating,
                        ConversationStatistics.RatingCount::count)
                .containsExactlyInAnyOrder(tuple(Action.ANSWER, 3, 1), tuple(Action.RESOLVED, 1, 1));
    }

    @Test
    void anItemsQuestionsCountOnlyTheActionsAskedForAndHowManyWereAnswered() {
        assertThat(statistics.itemQuestions(NINE, TEN.plusSeconds(3600), List.of(Action.ANSWER, Action.CLARIFY)))
                .containsExactly(new ConversationStatistics.ItemQuestions("dog", 3, 2));
        assertThat(statistics.itemQuestions(NINE, TEN.plusSeconds(3600), List.of(Action.CLARIFY)))
                .containsExactly(new ConversationStatistics.ItemQuestions("dog", 1, 0));
        assertThat(statistics.itemQuestions(NINE, TEN.plusSeconds(3600), List.of())).isEmpty();
    }

    @Test
    void notAnsweredForSureIsTheUnansweredAndTheUnsureUnderTheBarOneRowPerWordingAndOutcome() {
        List<ConversationStatistics.Asked> asked = statistics.notAnsweredForSure(NINE, TEN.plusSeconds(3600),
                List.of(Action.UNKNOWN, Action.HANDOFF), List.of(Action.ANSWER, Action.CLARIFY), 0.5);
        assertThat(asked).extracting(ConversationStatistics.Asked::question, ConversationStatistics.Asked::action,
                        ConversationStatistics.Asked::count)
                .containsExactlyInAnyOrder(tuple("狗证要带什么", Action.ANSWER, 1), tuple("怎么办那个证", Action.CLARIFY, 1),
                        tuple("我要投诉", Action.UNKNOWN, 1), tuple("人工", Action.HANDOFF, 1));
        assertThat(asked).filteredOn(a -> a.question().equals("我要投诉")).extracting(ConversationStatistics.Asked::lastAsked)
                .containsExactly(TEN.plusSeconds(61));
        // only what was unanswered, or only what was unsure
        assertThat(statistics.notAnsweredForSure(NINE, TEN.plusSeconds(3600), List.of(Action.UNKNOWN), List.of(), 0.5))
                .extracting(ConversationStatistics.Asked::question).containsExactly("我要投诉");
        assertThat(statistics.notAnsweredForSure(NINE, TEN.plusSeconds(3600), List.of(), List.of(Action.ANSWER), 0.95))
                .extracting(ConversationStatistics.Asked::count).containsExactly(2);
        assertThat(statistics.notAnsweredForSure(NINE, TEN.plusSeconds(3600), List.of(), List.of(), 0.5)).isEmpty();
    }

    private void conversation(String id, Instant startedAt) {
        jdbc.sql("INSERT INTO conversation (id, channel, user_id, started_at, last_active_at, state, unsure_count) VALUES (?, 'WEB', ?, ?, ?, 'BOT', 0)")
                .params(id, "user-" + id, Timestamp.from(startedAt), Timestamp.from(startedAt)).update();
    }

    private void turn(String conversationId, Instant at, String question, Action action, String itemId, double confidence, Integer rating) {
        jdbc.sql("INSERT INTO chat_turn (conversation_id, created_at, question, action, item_id, confidence, reply, rating) VALUES (?, ?, ?, ?, ?, ?, '回复', ?)")
                .params(conversationId, Timestamp.from(at), question, action.name(), itemId, confidence, rating).update();
    }
}
