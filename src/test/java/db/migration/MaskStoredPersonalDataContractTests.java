package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V11_1 on a database as it was before V11 (conversations, turns, hand-offs and proposals holding
 * clear numbers): masked, and nothing else lost. Run against H2 and PostgreSQL by the two subclasses.
 */
abstract class MaskStoredPersonalDataContractTests {

    private static final Timestamp AT = Timestamp.from(Instant.parse("2025-03-01T02:00:00Z"));

    private DataSource dataSource;
    private JdbcClient jdbc;

    abstract DataSource freshDatabase();

    @BeforeEach
    void databaseBeforeV11() {
        dataSource = freshDatabase();
        // up to the last migration before V11, whichever that is
        MigrationVersion beforeV11 = Arrays.stream(Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                        .info().all()).map(MigrationInfo::getVersion).filter(v -> v.compareTo(MigrationVersion.fromVersion("11")) < 0)
                .max(Comparator.naturalOrder()).orElseThrow();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(beforeV11).load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    private void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    private void conversation(String id, String state) {
        jdbc.sql("""
                        INSERT INTO conversation (id, channel, user_id, started_at, last_active_at, state, unsure_count)
                        VALUES (?, 'WEB', ?, ?, ?, ?, 0)""").params(id, "user-" + id, AT, AT, state).update();
    }

    private long turn(String conversationId, String question, String action, String reply) {
        jdbc.sql("""
                        INSERT INTO chat_turn (conversation_id, created_at, question, intent, action, item_id, confidence, reply, rating)
                        VALUES (?, ?, ?, 'MATERIALS', ?, 'dog-registration', 0.42, ?, 2)""")
                .params(conversationId, AT, question, action, reply).update();
        return jdbc.sql("SELECT MAX(id) FROM chat_turn").query(Long.class).single();
    }

    private String question(long turnId) {
        return jdbc.sql("SELECT question FROM chat_turn WHERE id = ?").param(turnId).query(String.class).single();
    }

    @Test
    void citizensMessagesStoredBeforeAreMasked() {
        conversation("old", "BOT");
        long turn = turn("old", "我的身份证330102199001011234怎么查社保", "UNKNOWN", "回复");

        migrate();

        assertThat(question(turn)).isEqualTo("我的身份证330102********1234怎么查社保");
    }

    @Test
    void moreMessagesThanOnePageAreAllMasked() {
        conversation("many", "BOT");
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            rows.add(new Object[] {AT, "电话13812345678第" + i + "次"});
        }
        new JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO chat_turn (conversation_id, created_at, question, action, confidence, reply)
                VALUES ('many', ?, ?, 'UNKNOWN', 0.1, '回复')""", rows);

        migrate();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_turn WHERE question LIKE '%138****5678%'").query(Long.class).single()).isEqualTo(520);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_turn WHERE question LIKE '%13812345678%'").query(Long.class).single()).isZero();
    }

    @Test
    void aMaskedMessageLosesOnlyTheHiddenDigitsAndTheRestIsUnchanged() {
        conversation("kept", "BOT");
        long masked = turn("kept", "电话13812345678", "UNKNOWN", "回复");
        long plain = turn("kept", "狗证多少钱", "ANSWER", "收费：免费");
        long agent = turn("kept", null, "AGENT_REPLY", "请拨打0571-87280110咨询");
        String columns = "SELECT conversation_id, created_at, intent, action, item_id, confidence, reply, rating FROM chat_turn WHERE id = ?";
        Map<String, Object> before = jdbc.sql(columns).param(masked).query().singleRow();

        migrate();

        assertThat(jdbc.sql(columns).param(masked).query().singleRow()).isEqualTo(before);
        assertThat(question(plain)).isEqualTo("狗证多少钱");
        assertThat(jdbc.sql("SELECT reply FROM chat_turn WHERE id = ?").param(agent).query(String.class).single()).isEqualTo("请拨打0571-87280110咨询");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_turn").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM turn_clear_text").query(Long.class).single()).isZero();
    }

    @Test
    void theAgentOfAConversationWaitingForAPersonStillGetsTheClearText() {
        conversation("waiting", "WAITING");
        long turn = turn("waiting", "电话13812345678", "WITH_AGENT", null);

        migrate();

        assertThat(question(turn)).isEqualTo("电话138****5678");
        assertThat(jdbc.sql("SELECT turn_id, conversation_id, question, expires_at FROM turn_clear_text").query().listOfRows())
                .singleElement().satisfies(row -> {
                    assertThat(((Number) row.values().toArray()[0]).longValue()).isEqualTo(turn);
                    assertThat(row.values()).containsSubsequence("waiting", "电话13812345678");
                    assertThat(row.values().toArray()[3]).isNull();
                });
    }

    @Test
    void handoffQuestionsAndKnowledgeProposalsStoredBeforeAreMasked() {
        conversation("handed", "WAITING");
        jdbc.sql("""
                        INSERT INTO handoff (conversation_id, channel, user_id, reason, question, candidates, state, created_at, after_hours,
                        contact_phone) VALUES ('handed', 'WEB', 'user-handed', 'CITIZEN_ASKED', '人工 13812345678', '[]', 'WAITING', ?, FALSE,
                        '13812345678')""").param(AT).update();
        jdbc.sql("""
                        INSERT INTO kb_faq_draft (item_id, question, similar_questions, answer, source, source_ref, proposed_by, created_at, status)
                        VALUES (NULL, '身份证330102199001011234丢了怎么办', ?, '到派出所补办，电话0571-87280110', 'HANDOFF', '1', 'agent', ?, 'PROPOSED')""")
                .params("电话13812345678能办吗\n怎么补办", AT).update();

        migrate();

        assertThat(jdbc.sql("SELECT question, contact_phone FROM handoff").query().singleRow())
                .containsValues("人工 138****5678", "13812345678");
        assertThat(jdbc.sql("SELECT question, similar_questions, answer FROM kb_faq_draft").query().singleRow()).containsValues(
                "身份证330102********1234丢了怎么办", "电话138****5678能办吗\n怎么补办", "到派出所补办，电话0571-87280110");
    }

    @Test
    void aDatabaseWithoutPersonalNumbersIsLeftAsItWas() {
        conversation("clean", "BOT");
        turn("clean", "狗证要带什么材料", "ANSWER", "回复");
        List<Map<String, Object>> before = jdbc.sql("SELECT * FROM chat_turn").query().listOfRows();

        migrate();

        assertThat(jdbc.sql("SELECT * FROM chat_turn").query().listOfRows()).isEqualTo(before);
    }
}
