package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.askonce.TestClock;
import org.askonce.calendar.WorkingDays;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What hall staff (窗口人员) do with bookings, on a fresh database migrated by Flyway (H2 and
 * PostgreSQL by the subclasses): marking arrived / no-show and undoing it, closing and reopening a
 * slot, the export and the figures. The halls and calendar of {@link AppointmentsContractTests};
 * it is Monday 7 December 2026, 08:00 in Hangzhou, until a test moves the clock.
 */
abstract class HallDeskContractTests {

    static final ZoneId SHANGHAI = AppointmentsContractTests.SHANGHAI;
    static final String ITEM = AppointmentsContractTests.ITEM;
    static final String BIRTH = "生育登记";
    static final String HALL = AppointmentsContractTests.HALL;
    static final String OTHER_HALL = AppointmentsContractTests.OTHER_HALL;
    static final LocalDate MONDAY = AppointmentsContractTests.MONDAY;
    static final LocalDate TUESDAY = AppointmentsContractTests.TUESDAY;

    final TestClock clock = new TestClock(MONDAY.atTime(8, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);

    /** Moves the clock to a day and time in Hangzhou. */
    void at(LocalDate day, int hour, int minute) {
        clock.set(day.atTime(hour, minute).atZone(SHANGHAI).toInstant());
    }
    final List<Object> published = new ArrayList<>();
    Appointments appointments;
    HallDesk desk;
    SlotClosings closings;
    JdbcClient jdbc;

    abstract DataSource freshDatabase();

    @BeforeEach
    void migrate() {
        DataSource dataSource = freshDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        JdbcAppointments store = new JdbcAppointments(jdbc);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        WorkingDays calendar = AppointmentsContractTests.calendar();
        AppointmentSettings settings = new AppointmentSettings(5, Duration.ofHours(2), 3, Duration.ofDays(30), "-");
        OfferedSlots offered = new OfferedSlots(AppointmentsContractTests.halls(), store, calendar, settings, clock);
        appointments = new Appointments(offered, store, transactions, calendar, settings, clock);
        desk = new HallDesk(offered, store, calendar, clock);
        closings = new SlotClosings(offered, store, transactions, calendar, settings, clock, published::add);
    }

    Appointment book(String citizen, String item, LocalDate day, String start, String phone) {
        return appointments.book(citizen, new BookingRequest(item, HALL, day, start, phone));
    }

    private HallBooking shown(String code) {
        return desk.hallBookings(HALL).stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow();
    }

    // --- arrived, no-show, undo ---

    @Test
    void arrivedIsRefusedBeforeTheVisitDay() {
        Appointment a = book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        assertThatThrownBy(() -> desk.markArrived(HALL, a.code(), "wang"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("预约 " + a.code() + " 在 2026-12-08，到当天才能标记“已到”");
        assertThat(shown(a.code()).state()).isEqualTo(BookingState.BOOKED);
    }

    @Test
    void arrivedOnTheVisitDayIsRecordedWithWhoAndWhen() {
        Appointment a = book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        at(TUESDAY, 8, 50);
        HallBooking marked = desk.markArrived(HALL, a.code().toLowerCase(), "wang");
        assertThat(marked.state()).isEqualTo(BookingState.ARRIVED);
        assertThat(marked.markedBy()).isEqualTo("wang");
        assertThat(marked.markedAt()).isEqualTo(clock.instant());
        assertThat(shown(a.code()).phone()).isEqualTo("13912345678");
    }

    @Test
    void noShowIsRefusedBeforeTheSlotBeginsAndTakenOnceItHas() {
        Appointment a = book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        at(TUESDAY, 8, 59);
        assertThatThrownBy(() -> desk.markNoShow(HALL, a.code(), "wang"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("预约 " + a.code() + " 的时段 2026-12-08 09:00 还没开始，开始后才能标记“未到”");
        at(TUESDAY, 9, 0);
        assertThat(desk.markNoShow(HALL, a.code(), "wang").state()).isEqualTo(BookingState.NO_SHOW);
    }

    @Test
    void staffMayChangeTheirMindFromNoShowToArrived() {
        Appointment a = book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        at(TUESDAY, 9, 20);
        desk.markNoShow(HALL, a.code(), "wang");
        assertThat(desk.mayMarkArrived(shown(a.code()))).isTrue();
        assertThat(desk.markArrived(HALL, a.code(), "zhao").markedBy()).isEqualTo("zhao");
        assertThat(shown(a.code()).state()).isEqualTo(BookingState.ARRIVED);
    }

    @Test
    void undoOnTheVisitDayGoesBackToBooked() {
        Appointment a = book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        at(TUESDAY, 9, 5);
        desk.markArrived(HALL, a.code(), "wang");
        HallBooking undone = desk.undoMark(HALL, a.code(), "zhao");
        assertThat(undone.state()).isEqualTo(BookingState.BOOKED);
        assertThat(undone.markedBy()).isEqualTo("zhao");
    }

    @Test
    void undoIsRefusedAfterTheVisitDay() {
        Appointment a = book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        at(TUESDAY, 9, 5);
        desk.markArrived(HALL, a.code(), "wang");
        at(LocalDate.of(2026, 12, 10), 9, 0);
        assertThatThrownBy(() -> desk.undoMark(HALL, a.code(), "wang"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("只能在预约当天（2026-12-08）撤销预约 " + a.code() + " 的标记");
    }

    @Test
    void aCancelledBookingCannotBeMarked() {
        Appointment a = book("web:li", ITEM, MONDAY, "14:00", "13912345678");
        appointments.cancel("web:li", a.code());
        at(MONDAY, 14, 30);
        assertThatThrownBy(() -> desk.markArrived(HALL, a.code(), "wang"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("预约 " + a.code() + " 已取消，不能标记");
        assertThat(shown(a.code()).state()).isEqualTo(BookingState.CANCELLED);
    }

    @Test
    void aBookingOfAnotherHallIsNotFound() {
        Appointment a = appointments.book("web:li", new BookingRequest(ITEM, OTHER_HALL, TUESDAY, "09:00", "13912345678"));
        at(TUESDAY, 9, 5);
        assertThatThrownBy(() -> desk.markArrived(HALL, a.code(), "wang")).isInstanceOf(AppointmentNotFoundException.class);
    }

    // --- closing a slot ---

    @Test
    void closingASlotCancelsItsBookingsAndTellsEachCitizenOnTheirChannel() {
        Appointment web = book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        Appointment wechat = book("wechat:o-wang", ITEM, TUESDAY, "09:00", "13812345678");
        Appointment other = book("web:zhao", ITEM, TUESDAY, "09:30", "13712345678");

        SlotClosings.Closing closing = closings.closeSlot(HALL, TUESDAY, "09:00", ITEM, "窗口临时停办", "wang");

        assertThat(closing.cancelled()).isEqualTo(2);
        assertThat(shown(web.code()).state()).isEqualTo(BookingState.CANCELLED_BY_HALL);
        assertThat(shown(web.code()).hallReason()).isEqualTo("窗口临时停办");
        assertThat(shown(other.code()).state()).isEqualTo(BookingState.BOOKED);
        assertThat(appointments.mine("web:li")).isEmpty();
        assertThat(published).hasSize(2).allMatch(e -> e instanceof AppointmentCancelledByHall);
        AppointmentCancelledByHall toWechat = published.stream().map(AppointmentCancelledByHall.class::cast)
                .filter(e -> e.channel().equals("wechat")).findFirst().orElseThrow();
        assertThat(toWechat.userId()).isEqualTo("o-wang");
        assertThat(toWechat.text()).isEqualTo("很抱歉，您预约的12月8日 09:00-09:30 在" + HALL + "办理“" + ITEM + "”（预约号 " + wechat.code()
                + "）因窗口临时停办已被大厅取消。请重新预约其他时段：发送“我要预约" + ITEM + "”即可。");
        assertThat(desk.closedSlots(HALL)).singleElement()
                .satisfies(c -> assertThat(List.of(c.item(), c.start(), c.reason(), c.closedBy())).containsExactly(ITEM, "09:00", "窗口临时停办", "wang"));
    }

    @Test
    void aWebCitizenReadsTheCancellationOnceOnTheNextVisit() {
        Appointment web = book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        closings.closeSlot(HALL, TUESDAY, "09:00", ITEM, "系统维护", "wang");
        assertThat(appointments.webReminders("web:li")).singleElement().asString()
                .startsWith("很抱歉，您预约的12月8日 09:00-09:30").contains(web.code(), "因系统维护已被大厅取消", "我要预约" + ITEM);
        assertThat(appointments.webReminders("web:li")).isEmpty();
    }

    @Test
    void aClosedSlotRefusesNewBookingsAndOffersNoRoom() {
        closings.closeSlot(HALL, TUESDAY, "09:00", ITEM, "窗口临时停办", "wang");
        assertThatThrownBy(() -> book("web:li", ITEM, TUESDAY, "09:00", "13912345678"))
                .isInstanceOf(AppointmentRefusedException.class).hasMessage("大厅已暂停该时段的预约（窗口临时停办），请选择其他时段");
        assertThat(appointments.slotsWithRoom(ITEM, HALL, TUESDAY)).extracting(Slot::start).doesNotContain("09:00").contains("09:30");
        assertThat(appointments.slots(ITEM, HALL)).contains(new Slot(HALL, TUESDAY, "09:00", "09:30", 0));
    }

    @Test
    void closingWithoutAnItemClosesTheSlotOfEveryItemOfTheHall() {
        book("web:li", BIRTH, TUESDAY, "09:00", "13912345678");
        SlotClosings.Closing closing = closings.closeSlot(HALL, TUESDAY, "09:00", "", "停电", "wang");
        assertThat(closing.items()).containsExactly(ITEM, BIRTH);
        assertThat(closing.cancelled()).isEqualTo(1);
        assertThatThrownBy(() -> book("web:zhao", ITEM, TUESDAY, "09:00", "13712345678")).isInstanceOf(AppointmentRefusedException.class);
    }

    @Test
    void closingTwiceChangesNothingTheSecondTime() {
        book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        closings.closeSlot(HALL, TUESDAY, "09:00", ITEM, "窗口临时停办", "wang");
        SlotClosings.Closing again = closings.closeSlot(HALL, TUESDAY, "09:00", ITEM, "另一个原因", "zhao");
        assertThat(again.alreadyClosed()).isTrue();
        assertThat(again.cancelled()).isZero();
        assertThat(published).hasSize(1);
        assertThat(desk.closedSlots(HALL)).singleElement().extracting(ClosedSlot::reason).isEqualTo("窗口临时停办");
    }

    @Test
    void reopeningTakesNewBookingsButTheCancelledStayCancelled() {
        Appointment a = book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        closings.closeSlot(HALL, TUESDAY, "09:00", ITEM, "窗口临时停办", "wang");
        assertThat(closings.reopenSlot(HALL, TUESDAY, "09:00", ITEM, "wang")).isEqualTo(1);
        assertThat(shown(a.code()).state()).isEqualTo(BookingState.CANCELLED_BY_HALL);
        assertThat(desk.closedSlots(HALL)).isEmpty();
        assertThat(appointments.slots(ITEM, HALL)).contains(new Slot(HALL, TUESDAY, "09:00", "09:30", 3));
        assertThat(book("web:li", ITEM, TUESDAY, "09:00", "13912345678").start()).isEqualTo("09:00");
    }

    @Test
    void anArrivedCitizenIsNotCancelledByClosingTheSlot() {
        Appointment a = book("web:li", ITEM, MONDAY, "14:00", "13912345678");
        at(MONDAY, 13, 40);
        desk.markArrived(HALL, a.code(), "wang");
        assertThat(closings.closeSlot(HALL, MONDAY, "14:00", ITEM, "窗口临时停办", "wang").cancelled()).isZero();
        assertThat(shown(a.code()).state()).isEqualTo(BookingState.ARRIVED);
    }

    @Test
    void closingNeedsAReason() {
        assertThatThrownBy(() -> closings.closeSlot(HALL, TUESDAY, "09:00", ITEM, "  ", "wang"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("请填写关闭时段的原因（reason），市民会看到它");
    }

    @Test
    void aSlotThatHasBegunCannotBeClosed() {
        at(MONDAY, 9, 10);
        assertThatThrownBy(() -> closings.closeSlot(HALL, MONDAY, "09:00", ITEM, "停电", "wang"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("2026-12-07 09:00 的时段已经开始，不能再关闭");
    }

    @Test
    void closingAnItemTheHallDoesNotTakeNamesTheItems() {
        assertThatThrownBy(() -> closings.closeSlot(HALL, TUESDAY, "09:00", "结婚登记", "停电", "wang"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(HALL + "不接受“结婚登记”的预约（item），可选：" + ITEM + "、" + BIRTH);
    }

    // --- export and figures ---

    @Test
    void theExportListsTheHallsBookingsWithBomAndChineseHeaders() {
        Appointment a = book("web:li", ITEM, TUESDAY, "09:00", "13912345678");
        String csv = desk.exportCsv(HALL, MONDAY, TUESDAY);
        assertThat(csv).startsWith("\uFEFF" + HALL + " 预约名单,2026-12-07 至 2026-12-08\r\n日期,开始,结束,预约号,事项,手机号,状态,操作人,操作时间,取消原因,预约时间\r\n");
        assertThat(csv).contains("2026-12-08,09:00,09:30," + a.code() + "," + ITEM + ",13912345678,已预约,,,,2026-12-07 08:00\r\n");
    }

    @Test
    void theExportRefusesMoreThanThirtyOneDays() {
        assertThatThrownBy(() -> desk.exportCsv(HALL, MONDAY, MONDAY.plusDays(31)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("一次最多导出 31 天，2026-12-07 至 2027-01-07 共 32 天");
    }

    @Test
    void theFiguresCountBookingsCancellationsAndTheNoShowRate() {
        Appointment a = book("web:a", ITEM, MONDAY, "14:00", "13900000001");
        Appointment b = book("web:b", ITEM, MONDAY, "14:00", "13900000002");
        Appointment c = book("web:c", BIRTH, MONDAY, "14:00", "13900000003");
        book("web:d", ITEM, TUESDAY, "09:00", "13900000004");
        Appointment e = book("web:e", ITEM, TUESDAY, "09:30", "13900000005");
        appointments.cancel("web:e", e.code());
        closings.closeSlot(HALL, TUESDAY, "09:00", ITEM, "停电", "wang");
        at(MONDAY, 14, 10);
        desk.markArrived(HALL, a.code(), "wang");
        desk.markArrived(HALL, c.code(), "wang");
        desk.markNoShow(HALL, b.code(), "wang");

        BookingStatistics s = appointments.statistics(MONDAY, MONDAY);

        assertThat(List.of(s.made(), s.cancelledByCitizen(), s.cancelledByHall(), s.arrived(), s.noShow())).containsExactly(5, 1, 1, 2, 1);
        assertThat(s.noShowRate()).isEqualTo(1 / 3.0);
        assertThat(s.topItems()).containsExactly(new BookingStatistics.ItemCount(ITEM, 4), new BookingStatistics.ItemCount(BIRTH, 1));
        assertThat(s.halls()).containsExactly(new BookingStatistics.HallCount(HALL, 5, 2, 1));
        assertThat(appointments.statistics(TUESDAY, TUESDAY).noShowRate()).isNull();
    }
}
