package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.askonce.MiniKnowledge;
import org.askonce.calendar.WorkingDays;
import org.askonce.dialogue.BookingDesk.BookingReply;
import org.askonce.dialogue.Channel;
import org.askonce.knowledge.KnowledgeBase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking menus on their own (H2, the mini knowledge base, Monday 7 December 2026 at 08:00): dog
 * registration in two halls, the second with one slot a day for one citizen.
 */
class BookingChatFlowTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String DOG = "养犬登记（犬证办理）";
    private static final String CENTRE = "杭州市民中心行政服务中心公安窗口";
    private static final String WEST_LAKE = "西湖区犬类管理服务点";
    private static final Instant NOW = LocalDate.of(2026, 12, 7).atTime(8, 0).atZone(SHANGHAI).toInstant();

    private BookingChat chat;

    @BeforeEach
    void setUp() {
        DriverManagerDataSource db = new DriverManagerDataSource("jdbc:h2:mem:booking-chat-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        BookableHalls halls = new BookableHalls(List.of(
                new BookableHalls.Hall(CENTRE, List.of(DOG), 30, 3, List.of(new BookableHalls.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)))),
                new BookableHalls.Hall(WEST_LAKE, List.of(DOG), 60, 1, List.of(new BookableHalls.Period(LocalTime.of(14, 0), LocalTime.of(15, 0))))));
        Clock clock = Clock.fixed(NOW, SHANGHAI);
        Appointments appointments = new Appointments(halls, new JdbcAppointments(JdbcClient.create(db)),
                new TransactionTemplate(new DataSourceTransactionManager(db)),
                new WorkingDays(SHANGHAI, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.of(), List.of()),
                new AppointmentSettings(5, Duration.ofHours(2), 3, Duration.ofDays(30), "-"), clock);
        chat = new BookingChat(appointments, new JdbcBookingDrafts(JdbcClient.create(db)), KnowledgeBase.of(MiniKnowledge.snapshot()), clock);
    }

    private BookingReply say(String user, String text) {
        return chat.handle(Channel.WEB, user, text, null).orElseThrow(() -> new AssertionError("not a booking message: " + text));
    }

    @Test
    void anItemBookableInTwoHallsFirstOffersTheHalls() {
        BookingReply halls = say("li", "我要预约狗证");
        assertThat(halls.text()).isEqualTo("预约办理“" + DOG + "”，请选择大厅（回复序号）：\n1. " + CENTRE + "\n2. " + WEST_LAKE);
        assertThat(halls.options()).containsExactly(CENTRE, WEST_LAKE);
        assertThat(say("li", "2").text()).startsWith("预约办理“" + DOG + "”（" + WEST_LAKE + "），请选择日期（回复序号）：\n1. 12月7日（周一）（1 个时段可约）");
    }

    @Test
    void aSlotTakenMeanwhileIsSaidAndTheDaysSlotsOfferedAgain() {
        say("li", "我要预约狗证");
        say("li", "2");
        say("li", "1");
        assertThat(say("li", "1").text()).startsWith("您选择了12月7日（周一） 14:00 开始的时段，" + WEST_LAKE);
        say("wang", "我要预约狗证");
        say("wang", "2");
        say("wang", "1");
        say("wang", "1");
        assertThat(say("wang", "13800000001").text()).startsWith("预约成功！");
        BookingReply again = say("li", "13900000001");
        assertThat(again.text()).startsWith("该时段已约满，请选择其他时段。\n12月7日（周一）已没有可预约的时段。\n预约办理“" + DOG + "”（" + WEST_LAKE
                + "），请选择日期（回复序号）：\n1. 12月8日（周二）");
    }

    @Test
    void aMenuAnsweredWithANumberItDoesNotHaveIsAskedAgain() {
        say("li", "我要预约狗证");
        assertThat(say("li", "7").text()).isEqualTo("请回复 1 到 2 之间的序号；退出预约请说“算了”。");
    }

    @Test
    void sayingNeverMindLeavesTheBooking() {
        say("li", "我要预约狗证");
        assertThat(say("li", "算了").text()).isEqualTo("好的，已退出预约。需要时再说“我要预约”。");
        assertThat(chat.handle(Channel.WEB, "li", "1", null)).isEmpty();
    }

    @Test
    void anItemNoHallTakesBookingsForIsSaidSo() {
        assertThat(say("li", "我要预约社保卡").text()).isEqualTo("“社会保障卡（市民卡）申领”暂不能在线预约，可直接到办理大厅办理（大厅和时间见办事指南）。");
    }
}
