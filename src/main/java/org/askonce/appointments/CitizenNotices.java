package org.askonce.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.askonce.calendar.WorkingDays;

/**
 * What citizens are told about their bookings, each thing once (claimed in the database, so that two
 * instances never both tell it): the reminder before the visit (pushed the day before, or shown on
 * the web page's next visit) and the hall's cancellation of a booking; and the wording of both.
 */
class CitizenNotices {

    private final OfferedSlots offered;
    private final JdbcAppointments store;
    private final WorkingDays calendar;
    private final Clock clock;

    CitizenNotices(OfferedSlots offered, JdbcAppointments store, WorkingDays calendar, Clock clock) {
        this.offered = offered;
        this.store = store;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** See {@link Appointments#remind}. */
    int remind(Instant now, Consumer<AppointmentReminderDue> send) {
        LocalDate tomorrow = LocalDate.ofInstant(now, calendar.zone()).plusDays(1);
        int sent = 0;
        for (JdbcAppointments.Booked b : store.unreminded(tomorrow)) {
            if (store.claimReminder(b.appointment().code(), now)) {
                String[] who = b.citizen().split(":", 2);
                send.accept(new AppointmentReminderDue(who[0], who.length > 1 ? who[1] : "", b.appointment(), reminderText(b.appointment(), "明天")));
                sent++;
            }
        }
        return sent;
    }

    /** See {@link Appointments#webReminders}. */
    List<String> webReminders(String citizen) {
        Instant now = clock.instant();
        LocalDate today = offered.today();
        List<String> out = new ArrayList<>();
        for (HallBooking b : store.unshownHallCancellations(citizen, today)) {
            if (store.claimNotice(b.code(), now)) {
                out.add(cancelledText(b.appointment(), b.hallReason()));
            }
        }
        for (Appointment a : store.unshown(citizen, today, today.plusDays(1))) {
            if (store.claimShown(a.code(), now)) {
                out.add(reminderText(a, a.date().equals(today) ? "今天" : "明天"));
            }
        }
        return out;
    }

    static String reminderText(Appointment a, String when) {
        return "预约提醒：您" + when + "（" + a.date().getMonthValue() + "月" + a.date().getDayOfMonth() + "日）" + a.start() + "-" + a.end()
                + "在" + a.hall() + "办理“" + a.item() + "”，预约号 " + a.code() + "。请带齐材料按时到达；不能前往请说“取消预约”。";
    }

    static String cancelledText(Appointment a, String reason) {
        return "很抱歉，您预约的" + a.date().getMonthValue() + "月" + a.date().getDayOfMonth() + "日 " + a.start() + "-" + a.end() + " 在" + a.hall()
                + "办理“" + a.item() + "”（预约号 " + a.code() + "）因" + reason + "已被大厅取消。请重新预约其他时段：发送“我要预约" + a.item() + "”即可。";
    }
}
