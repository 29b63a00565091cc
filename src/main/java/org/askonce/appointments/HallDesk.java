package org.askonce.appointments;

import static org.askonce.appointments.OfferedSlots.HH_MM;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.askonce.calendar.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall staff's (窗口人员) desk: a hall's bookings and closed slots over the days its page shows,
 * marking a booking arrived or no-show (and undoing it on the day), and the CSV export of a range.
 * Closing and reopening slots is {@link SlotClosings}.
 */
class HallDesk {

    private static final Logger log = LoggerFactory.getLogger(HallDesk.class);

    /** The longest range a hall's bookings are exported for, in days. */
    static final int EXPORT_MAX_DAYS = 31;

    private final OfferedSlots offered;
    private final JdbcAppointments store;
    private final WorkingDays calendar;
    private final Clock clock;

    HallDesk(OfferedSlots offered, JdbcAppointments store, WorkingDays calendar, Clock clock) {
        this.offered = offered;
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The items a hall takes bookings for. */
    List<String> itemsOf(String hall) {
        return offered.hall(hall).items();
    }

    /** The start ({@code HH:mm}) of every slot of the hall's working day, in order. */
    List<String> slotStartsOf(String hall) {
        return offered.hall(hall).slotStarts().stream().map(HH_MM::format).toList();
    }

    /** The days the hall page shows: today and the working days bookings are offered for. */
    List<LocalDate> hallDays() {
        return offered.hallDays();
    }

    /** The hall's bookings for today and the coming working days bookings are offered for, with closed slots; soonest first. */
    List<HallBooking> hallBookings(String hall) {
        List<LocalDate> days = offered.hallDays();
        return store.hallBookings(offered.hall(hall).name(), previousWorkingDay(), days.get(days.size() - 1));
    }

    /**
     * The working day before today (per the calendar; within the last 30 days), which the hall page also
     * shows, so that a no-show not marked on the day can be recorded the next morning.
     */
    LocalDate previousWorkingDay() {
        LocalDate day = offered.today().minusDays(1);
        for (int i = 0; i < 30 && !calendar.isWorkingDay(day); i++) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The hall's closed slots over {@link #hallDays()} (a day gone by cannot be closed). */
    List<ClosedSlot> closedSlots(String hall) {
        List<LocalDate> days = offered.hallDays();
        return store.closedSlots(offered.hall(hall).name(), days.get(0), days.get(days.size() - 1));
    }

    /**
     * The citizen came: on the visit day or after.
     *
     * @throws IllegalArgumentException before the visit day, or the booking is cancelled
     * @throws AppointmentNotFoundException the hall has no booking with that code
     */
    HallBooking markArrived(String hall, String code, String staff) {
        JdbcAppointments.Row row = hallRow(hall, code);
        Appointment a = row.booking().appointment();
        if (!open(row.booking())) {
            throw new IllegalArgumentException("预约 " + a.code() + " 已取消，不能标记");
        }
        if (offered.today().isBefore(a.date())) {
            throw new IllegalArgumentException("预约 " + a.code() + " 在 " + a.date() + "，到当天才能标记“已到”");
        }
        return mark(row, BookingState.ARRIVED, staff);
    }

    /**
     * The citizen did not come: only once the slot has begun.
     *
     * @throws IllegalArgumentException before the slot begins, or the booking is cancelled
     * @throws AppointmentNotFoundException the hall has no booking with that code
     */
    HallBooking markNoShow(String hall, String code, String staff) {
        JdbcAppointments.Row row = hallRow(hall, code);
        Appointment a = row.booking().appointment();
        if (!open(row.booking())) {
            throw new IllegalArgumentException("预约 " + a.code() + " 已取消，不能标记");
        }
        if (clock.instant().isBefore(offered.begins(a))) {
            throw new IllegalArgumentException("预约 " + a.code() + " 的时段 " + a.date() + " " + a.start() + " 还没开始，开始后才能标记“未到”");
        }
        return mark(row, BookingState.NO_SHOW, staff);
    }

    /**
     * Back to 已预约 (a mark made by mistake): on the visit day only.
     *
     * @throws IllegalArgumentException not on the visit day, nothing to undo, or the booking is cancelled
     * @throws AppointmentNotFoundException the hall has no booking with that code
     */
    HallBooking undoMark(String hall, String code, String staff) {
        JdbcAppointments.Row row = hallRow(hall, code);
        Appointment a = row.booking().appointment();
        if (row.booking().state() == BookingState.BOOKED) {
            throw new IllegalArgumentException("预约 " + a.code() + " 还没有标记，无需撤销");
        }
        if (!offered.today().equals(a.date())) {
            throw new IllegalArgumentException("只能在预约当天（" + a.date() + "）撤销预约 " + a.code() + " 的标记");
        }
        return mark(row, null, staff);
    }

    private static boolean open(HallBooking b) {
        return b.state() != BookingState.CANCELLED && b.state() != BookingState.CANCELLED_BY_HALL;
    }

    /** Whether {@link #markArrived} would take the booking now (not cancelled, not arrived, the visit day or after). */
    boolean mayMarkArrived(HallBooking b) {
        return open(b) && b.state() != BookingState.ARRIVED && !offered.today().isBefore(b.date());
    }

    /** Whether {@link #markNoShow} would take the booking now (not cancelled, not a no-show, the slot has begun). */
    boolean mayMarkNoShow(HallBooking b) {
        return open(b) && b.state() != BookingState.NO_SHOW && !clock.instant().isBefore(offered.begins(b.appointment()));
    }

    /** Whether {@link #undoMark} would take the booking now (marked, on the visit day). */
    boolean mayUndoMark(HallBooking b) {
        return (b.state() == BookingState.ARRIVED || b.state() == BookingState.NO_SHOW) && offered.today().equals(b.date());
    }

    private HallBooking mark(JdbcAppointments.Row row, BookingState state, String staff) {
        String code = row.booking().code();
        if (row.booking().state() == BookingState.CANCELLED || row.booking().state() == BookingState.CANCELLED_BY_HALL
                || !store.mark(code, state, staffName(staff), clock.instant())) {
            throw new IllegalArgumentException("预约 " + code + " 已取消，不能标记");
        }
        log.info("Appointment {} marked {} by {}", code, state == null ? "BOOKED (undone)" : state, staff);
        return store.booking(code).orElseThrow().booking();
    }

    private JdbcAppointments.Row hallRow(String hall, String code) {
        BookableHalls.Hall h = offered.hall(hall);
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return store.booking(c).filter(r -> r.booking().appointment().hall().equals(h.name()))
                .orElseThrow(() -> new AppointmentNotFoundException(c));
    }

    /** The staff member who acts, as recorded with the change. */
    static String staffName(String staff) {
        if (staff == null || staff.isBlank()) {
            throw new IllegalArgumentException("需要知道是哪位工作人员操作的");
        }
        return staff.strip();
    }

    /**
     * The hall's bookings with a visit from {@code from} to {@code to} (at most {@value #EXPORT_MAX_DAYS} days) as a CSV file
     * for Excel ({@link HallCsv}): phones as stored, masked ones masked.
     *
     * @throws IllegalArgumentException an unknown hall, a missing date, a reversed or too long range
     */
    String exportCsv(String hall, LocalDate from, LocalDate to) {
        BookableHalls.Hall h = offered.hall(hall);
        if (from == null || to == null) {
            throw new IllegalArgumentException("请填写导出的开始日期（from）和结束日期（to）");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("开始日期 " + from + " 晚于结束日期 " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > EXPORT_MAX_DAYS) {
            throw new IllegalArgumentException("一次最多导出 " + EXPORT_MAX_DAYS + " 天，" + from + " 至 " + to + " 共 " + days + " 天");
        }
        return HallCsv.write(h.name(), from, to, store.hallBookings(h.name(), from, to), calendar.zone());
    }
}
