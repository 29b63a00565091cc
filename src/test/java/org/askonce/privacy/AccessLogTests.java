package org.askonce.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The access log on an in-memory H2 database, with a clock the tests move. */
class AccessLogTests {

    private static final Instant NINE = Instant.parse("2025-03-03T01:00:00Z");

    private JdbcClient jdbc;

    @BeforeEach
    void database() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:access-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    private AccessLog at(Instant now) {
        return new AccessLog(jdbc, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aReadIsRecordedWithWhoWhenWhichConversationAndView() {
        at(NINE).transcriptRead("zhang.san", "conv-1", AccessLog.View.AGENT_CONSOLE);

        assertThat(at(NINE).entries("", "", 10)).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(NINE);
            assertThat(e.staff()).isEqualTo("zhang.san");
            assertThat(e.conversationId()).isEqualTo("conv-1");
            assertThat(e.view()).isEqualTo(AccessLog.View.AGENT_CONSOLE);
            assertThat(e.viewLabel()).isEqualTo("坐席工作台 · 对话页");
        });
    }

    @Test
    void readsOfOneConversationInOneViewWithinTenMinutesAreOneRow() {
        at(NINE).transcriptRead("zhang.san", "conv-1", AccessLog.View.AGENT_CONSOLE);
        at(NINE.plus(Duration.ofSeconds(30))).transcriptRead("zhang.san", "conv-1", AccessLog.View.AGENT_CONSOLE);
        at(NINE.plus(Duration.ofMinutes(9))).transcriptRead("zhang.san", "conv-1", AccessLog.View.AGENT_CONSOLE);

        assertThat(at(NINE).entries("", "", 10)).hasSize(1);
    }

    @Test
    void aReadInAnotherViewByAnotherPersonOrLaterIsARowOfItsOwn() {
        at(NINE).transcriptRead("zhang.san", "conv-1", AccessLog.View.AGENT_CONSOLE);
        at(NINE).transcriptRead("zhang.san", "conv-1", AccessLog.View.AGENT_API);
        at(NINE).transcriptRead("li.si", "conv-1", AccessLog.View.AGENT_CONSOLE);
        at(NINE.plus(Duration.ofMinutes(11))).transcriptRead("zhang.san", "conv-1", AccessLog.View.AGENT_CONSOLE);

        assertThat(at(NINE).entries("", "", 10)).hasSize(4);
    }

    @Test
    void entriesAreNewestFirstAndFilteredByStaffOrConversation() {
        at(NINE).transcriptRead("zhang.san", "conv-1", AccessLog.View.AGENT_CONSOLE);
        at(NINE.plus(Duration.ofMinutes(1))).transcriptRead("li.si", "conv-2", AccessLog.View.AGENT_API);
        at(NINE.plus(Duration.ofMinutes(2))).transcriptRead("zhang.san", "conv-2", AccessLog.View.AGENT_CONSOLE);

        assertThat(at(NINE).entries("", "", 10)).extracting(AccessLog.Entry::staff).containsExactly("zhang.san", "li.si", "zhang.san");
        assertThat(at(NINE).entries("zhang.san", "", 10)).extracting(AccessLog.Entry::conversationId).containsExactly("conv-2", "conv-1");
        assertThat(at(NINE).entries("", "conv-2", 10)).extracting(AccessLog.Entry::staff).containsExactly("zhang.san", "li.si");
        assertThat(at(NINE).entries("", "", 1)).hasSize(1);
    }

    @Test
    void aLimitOutsideOneToAThousandIsRefusedWithTheValue() {
        assertThatThrownBy(() -> at(NINE).entries("", "", 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
        assertThatThrownBy(() -> at(NINE).entries("", "", 1001)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1001");
    }
}
