package org.askonce.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Instant;
import org.askonce.dialogue.HandoffRequested.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A JDBC slice: the hand-offs of a period as analytics reads them, nothing personal with them. */
@JdbcTest
@Import(HandoffStatistics.class)
class HandoffStatisticsTests {

    private static final Instant MORNING = Instant.parse("2024-03-01T01:00:00Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    HandoffStatistics statistics;

    @BeforeEach
    void handoffs() {
        jdbc.sql("INSERT INTO conversation (id, channel, user_id, started_at, last_active_at, state, unsure_count) VALUES ('c1', 'WEB', 'u1', ?, ?, 'BOT', 0)")
                .params(Timestamp.from(MORNING), Timestamp.from(MORNING)).update();
        handoff(MORNING.plusSeconds(10), Handoff.State.RESOLVED, Reason.CITIZEN_ASKED, false, MORNING.plusSeconds(70));
        handoff(MORNING.plusSeconds(20), Handoff.State.WAITING, Reason.NOT_SURE_TWICE, true, null);
        handoff(MORNING.minusSeconds(3600), Handoff.State.CANCELLED, Reason.CITIZEN_ASKED, false, null); // the day before the range
    }

    @Test
    void theHandoffsAskedForInTheRangeOldestFirstWithWhereTheyStandAndWhenTheyWereTaken() {
        assertThat(statistics.requestedBetween(MORNING, MORNING.plusSeconds(86_400)))
                .extracting(HandoffStatistics.Requested::state, HandoffStatistics.Requested::reason, HandoffStatistics.Requested::afterHours,
                        HandoffStatistics.Requested::createdAt, HandoffStatistics.Requested::claimedAt)
                .containsExactly(
                        tuple(Handoff.State.RESOLVED, Reason.CITIZEN_ASKED, false, MORNING.plusSeconds(10), MORNING.plusSeconds(70)),
                        tuple(Handoff.State.WAITING, Reason.NOT_SURE_TWICE, true, MORNING.plusSeconds(20), null));
    }

    @Test
    void anEmptyRangeHasNone() {
        assertThat(statistics.requestedBetween(MORNING.plusSeconds(86_400), MORNING.plusSeconds(2 * 86_400))).isEmpty();
    }

    private void handoff(Instant at, Handoff.State state, Reason reason, boolean afterHours, Instant claimedAt) {
        jdbc.sql("""
                        INSERT INTO handoff (conversation_id, channel, user_id, reason, question, candidates, state, created_at, claimed_at, after_hours)
                        VALUES ('c1', 'WEB', 'u1', ?, '人工', '[]', ?, ?, ?, ?)""")
                .params(reason.name(), state.name(), Timestamp.from(at), claimedAt == null ? null : Timestamp.from(claimedAt), afterHours).update();
    }
}
