package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.askonce.calendar.WorkingDays;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What booking must do, on a fresh database migrated by Flyway (H2 and PostgreSQL by the two
 * subclasses). It is Monday 7 December 2026, 08:00 in Hangzhou; Wednesday the 9th is a holiday and
 * Saturday the 12th a worked day (调休).
 */
abstract class AppointmentsContractTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String ITEM = "出生登记（新生儿落户）";
    static final String HALL = "市民中心公安户政窗口";
    static final String OTHER_HALL = "西湖区公安窗口";
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);

    static final AppointmentSettings SETTINGS = new AppointmentSettings(5, Duration.ofHours(2), 3, Duration.ofDays(30), "0 0 18 * * *");

    private final Instant now = MONDAY.atTime(8, 0).atZone(SHANGHAI).toInstant();
    private Appointments appointments;
    private JdbcAppointments store;

    abstract DataSource freshDatabase();

    static BookableHalls halls() {
        return new BookableHalls(List.of(
                new BookableHalls.Hall(HALL, List.of(ITEM, "生育登记"), 30, 3,
                        List.of(new BookableHalls.Period(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                                new BookableHalls.Period(LocalTime.of(13, 30), LocalTime.of(17, 0)))),
                new BookableHalls.Hall(OTHER_HALL, List.of(ITEM), 60, 2,
                        List.of(new BookableHalls.Period(LocalTime.of(9, 0), LocalTime.of(11, 0))))));
    }

    static WorkingDays calendar() {
        return new WorkingDays(SHANGHAI, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                List.of(LocalDate.of(2026, 12, 9)), List.of(LocalDate.of(2026, 12, 12)));
    }

    @BeforeEach
    void migrate() {
        DataSource dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        store = new JdbcAppointments(JdbcClient.create(dataSource));
        appointments = new Appointments(halls(), store, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                calendar(), SETTINGS, Clock.fixed(now, SHANGHAI));
    }

    private Appointment book(String citizen, String hall, LocalDate day, String start, String phone) {
        return appointments.book(citizen, new BookingRequest(ITEM, hall, day, start, phone));
    }

    @Test
    void theNextFiveWorkingDaysAreOfferedSkippingTheHolidayAndTakingTheWorkedSaturday() {
        assertThat(appointments.days()).containsExactly(MONDAY, TUESDAY, LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 11),
                LocalDate.of(2026, 12, 12));
    }

    @Test
    void slotsOfEveryHallAreListedWithTheirRoom() {
        List<Slot> slots = appointments.slots(ITEM, null);
        assertThat(slots).contains(new Slot(HALL, TUESDAY, "09:00", "09:30", 3), new Slot(OTHER_HALL, TUESDAY, "10:00", "11:00", 2));
        assertThat(slots).extracting(Slot::hall).containsOnly(HALL, OTHER_HALL);
    }

    @Test
    void slotsThatBeginTwoHoursFromNowOrSoonerAreNoLongerOffered() {
        List<Slot> today = appointments.slotsWithRoom(ITEM, HALL, MONDAY);
        assertThat(today).extracting(Slot::start).doesNotContain("09:00", "09:30", "10:00").startsWith("10:30");
    }

    @Test
    void aBookingTakesOnePlaceAndIsListedAsTheCitizens() {
        Appointment a = book("web:li", HALL, TUESDAY, "09:00", "13912345678");
        assertThat(a.code()).matches("[A-Z2-9]{6}");
        assertThat(a).isEqualTo(new Appointment(a.code(), ITEM, HALL, TUESDAY, "09:00", "09:30"));
        assertThat(appointments.slots(ITEM, HALL)).contains(new Slot(HALL, TUESDAY, "09:00", "09:30", 2));
        assertThat(appointments.mine("web:li")).containsExactly(a);
        assertThat(appointments.mine("web:wang")).isEmpty();
    }

    @Test
    void aFullSlotIsRefusedInChinese() {
        book("web:a", HALL, TUESDAY, "09:00", "13900000001");
        book("web:b", HALL, TUESDAY, "09:00", "13900000002");
        book("web:c", HALL, TUESDAY, "09:00", "13900000003");
        assertThatThrownBy(() -> book("web:d", HALL, TUESDAY, "09:00", "13900000004"))
                .isInstanceOf(AppointmentRefusedException.class).hasMessage("该时段已约满，请选择其他时段");
        assertThat(appointments.slotsWithRoom(ITEM, HALL, TUESDAY)).extracting(Slot::start).doesNotContain("09:00");
    }

    @Test
    void aCitizenHoldsOneBookingPerItemAndDay() {
        book("web:li", HALL, TUESDAY, "09:00", "13912345678");
        assertThatThrownBy(() -> book("web:li", OTHER_HALL, TUESDAY, "10:00", "13912345678"))
                .isInstanceOf(AppointmentRefusedException.class).hasMessageContaining("同一事项每天只能预约一次");
        assertThat(book("web:li", HALL, LocalDate.of(2026, 12, 10), "09:00", "13912345678").date()).isEqualTo(LocalDate.of(2026, 12, 10));
    }

    @Test
    void aPhoneHoldsAtMostThreeOpenBookings() {
        book("web:a", HALL, MONDAY, "14:00", "13912345678");
        book("web:b", HALL, TUESDAY, "09:00", "13912345678");
        book("web:c", HALL, LocalDate.of(2026, 12, 10), "09:00", "13912345678");
        assertThatThrownBy(() -> book("web:d", HALL, LocalDate.of(2026, 12, 11), "09:00", "139 1234 5678"))
                .isInstanceOf(AppointmentRefusedException.class).hasMessage("手机号 139****5678 已有 3 个未办理的预约，请办理或取消后再预约");
    }

    @Test
    void aClosedSlotIsRefused() {
        assertThatThrownBy(() -> book("web:li", HALL, MONDAY, "09:30", "13912345678"))
                .isInstanceOf(AppointmentRefusedException.class).hasMessage("该时段已截止预约（开始前 2 小时截止），请选择其他时段");
    }

    @Test
    void aDayNotOfferedIsBadInput() {
        assertThatThrownBy(() -> book("web:li", HALL, LocalDate.of(2026, 12, 9), "09:00", "13912345678"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("只能预约今天起 5 个工作日内的日期，2026-12-09 不在其中");
    }

    @Test
    void aTimeThatIsNoSlotStartIsBadInputNamingTheStarts() {
        assertThatThrownBy(() -> book("web:li", OTHER_HALL, TUESDAY, "09:30", "13912345678"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(OTHER_HALL + "没有 09:30 开始的时段，可选：09:00、10:00");
    }

    @Test
    void aBadPhoneNumberIsBadInput() {
        assertThatThrownBy(() -> book("web:li", HALL, TUESDAY, "09:00", "12345"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("请填写正确的 11 位手机号码（用于预约提醒和大厅联系）");
    }

    @Test
    void anItemNoHallTakesIsBadInput() {
        assertThatThrownBy(() -> appointments.slots("结婚登记", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("事项“结婚登记”不能在线预约（没有大厅开放它的预约）");
    }

    @Test
    void cancellingFreesThePlaceAndAllowsBookingAgain() {
        Appointment a = book("web:li", HALL, TUESDAY, "09:00", "13912345678");
        appointments.cancel("web:li", a.code().toLowerCase());
        assertThat(appointments.mine("web:li")).isEmpty();
        assertThat(appointments.slots(ITEM, HALL)).contains(new Slot(HALL, TUESDAY, "09:00", "09:30", 3));
        assertThat(book("web:li", HALL, TUESDAY, "09:30", "13912345678").start()).isEqualTo("09:30");
    }

    @Test
    void onlyTheCitizenWhoBookedCanCancel() {
        Appointment a = book("web:li", HALL, TUESDAY, "09:00", "13912345678");
        assertThatThrownBy(() -> appointments.cancel("web:wang", a.code()))
                .isInstanceOf(AppointmentNotFoundException.class).hasMessage("没有找到预约号为“" + a.code() + "”的有效预约");
        assertThat(appointments.mine("web:li")).containsExactly(a);
    }

    @Test
    void fiftySimultaneousBookingsOfASlotForThreeGiveExactlyThree() throws Exception {
        int n = 50;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String citizen = "web:c" + i;
                String phone = String.format("139%08d", i);
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return book(citizen, HALL, TUESDAY, "09:00", phone).code();
                    } catch (AppointmentRefusedException e) {
                        return "refused: " + e.getMessage();
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes.stream().filter(o -> !o.startsWith("refused")).count()).isEqualTo(3);
            assertThat(outcomes.stream().filter(o -> o.startsWith("refused"))).containsOnly("refused: 该时段已约满，请选择其他时段");
            assertThat(appointments.slots(ITEM, HALL)).contains(new Slot(HALL, TUESDAY, "09:00", "09:30", 0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneCitizenBookingTheSameDayTwiceAtOnceGetsOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                String time = i % 2 == 0 ? "09:00" : "09:30";
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        book("web:li", HALL, TUESDAY, time, "13912345678");
                        return true;
                    } catch (AppointmentRefusedException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int booked = 0;
            for (Future<Boolean> f : results) {
                booked += f.get() ? 1 : 0;
            }
            assertThat(booked).isEqualTo(1);
            assertThat(appointments.mine("web:li")).hasSize(1);
            int taken = appointments.slots(ITEM, HALL).stream().filter(s -> s.date().equals(TUESDAY)).mapToInt(s -> 3 - s.remaining()).sum();
            assertThat(taken).as("places taken on Tuesday").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePhoneStaysInClearUntilThirtyDaysAfterTheVisitThenIsMasked() {
        Appointment a = book("web:li", HALL, TUESDAY, "09:00", "13912345678");
        AppointmentPhonePurge purge = new AppointmentPhonePurge(store, calendar(), SETTINGS);
        assertThat(purge.purge(TUESDAY.plusDays(30).atTime(3, 0).atZone(SHANGHAI).toInstant())).containsEntry("appointment phones", 0);
        assertThat(store.phone(a.code())).contains("13912345678");
        assertThat(purge.purge(TUESDAY.plusDays(31).atTime(3, 0).atZone(SHANGHAI).toInstant())).containsEntry("appointment phones", 1);
        assertThat(store.phone(a.code())).contains("139****5678");
    }

    @Test
    void theDayBeforeEachBookingOfTomorrowIsRemindedOnce() {
        Appointment tuesday = book("web:li", HALL, TUESDAY, "09:00", "13912345678");
        book("wechat:o-wang", HALL, LocalDate.of(2026, 12, 10), "09:00", "13812345678");
        Appointment cancelled = book("web:zhao", HALL, TUESDAY, "09:30", "13712345678");
        appointments.cancel("web:zhao", cancelled.code());
        List<AppointmentReminderDue> sent = new ArrayList<>();
        Instant mondayEvening = MONDAY.atTime(18, 0).atZone(SHANGHAI).toInstant();
        assertThat(appointments.remind(mondayEvening, sent::add)).isEqualTo(1);
        assertThat(sent).containsExactly(new AppointmentReminderDue("web", "li", tuesday,
                "预约提醒：您明天（12月8日）09:00-09:30在" + HALL + "办理“" + ITEM + "”，预约号 " + tuesday.code()
                        + "。请带齐材料按时到达；不能前往请说“取消预约”。"));
        assertThat(appointments.remind(mondayEvening, sent::add)).isZero();
    }

    @Test
    void aWebCitizenSeesTheReminderOfTomorrowOnceOnTheirNextVisit() {
        Appointment tuesday = book("web:li", HALL, TUESDAY, "09:00", "13912345678");
        book("web:li", HALL, LocalDate.of(2026, 12, 10), "09:00", "13912345678");
        assertThat(appointments.webReminders("web:li")).singleElement().asString().startsWith("预约提醒：您明天（12月8日）09:00-09:30")
                .contains(tuesday.code());
        assertThat(appointments.webReminders("web:li")).isEmpty();
        assertThat(appointments.webReminders("web:wang")).isEmpty();
    }
}
