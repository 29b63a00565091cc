package org.askonce.appointments;

import static org.askonce.appointments.OfferedSlots.HH_MM;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.askonce.calendar.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hall staff closing a slot (it takes no more bookings, and its open bookings are cancelled and their
 * citizens told) and reopening it.
 */
class SlotClosings {

    private static final Logger log = LoggerFactory.getLogger(SlotClosings.class);
    private static final int REASON_MAX = 100;

    private final OfferedSlots offered;
    private final JdbcAppointments store;
    private final TransactionTemplate transactions;
    private final WorkingDays calendar;
    private final AppointmentSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SlotClosings(OfferedSlots offered, JdbcAppointments store, TransactionTemplate transactions, WorkingDays calendar,
            AppointmentSettings settings, Clock clock, ApplicationEventPublisher events) {
        this.offered = offered;
        this.store = store;
        this.transactions = transactions;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /** What closing a slot did: the items whose slot is closed and how many bookings it cancelled. */
    record Closing(List<String> items, int cancelled, boolean alreadyClosed) {
    }

    /**
     * Closes a slot of the hall (one item, or every item of the hall when {@code item} is blank): it
     * takes no more bookings, and every open booking in it that is not marked is cancelled and its
     * citizen told ({@link AppointmentCancelledByHall}). Closing a closed slot changes nothing.
     *
     * @throws IllegalArgumentException a day not shown, a time that is no slot, an item the hall does not take, no reason, or a slot already begun
     */
    Closing closeSlot(String hall, LocalDate date, String start, String item, String reason, String staff) {
        BookableHalls.Hall h = offered.hall(hall);
        List<String> items = itemsOf(h, item);
        LocalTime begins = slotStart(h, date, start);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new IllegalArgumentException("请填写关闭时段的原因（reason），市民会看到它");
        }
        if (why.length() > REASON_MAX) {
            throw new IllegalArgumentException("原因最多 " + REASON_MAX + " 个字，现为 " + why.length() + " 个字");
        }
        if (!clock.instant().isBefore(date.atTime(begins).atZone(calendar.zone()).toInstant())) {
            throw new IllegalArgumentException(date + " " + HH_MM.format(begins) + " 的时段已经开始，不能再关闭");
        }
        String by = HallDesk.staffName(staff);
        Instant now = clock.instant();
        List<JdbcAppointments.Row> cancelled = new ArrayList<>();
        boolean already = true;
        for (String it : items) {
            long slotId = store.slot(h.name(), it, date, HH_MM.format(begins), h.capacity());
            List<JdbcAppointments.Row> done = transactions.execute(tx -> {
                boolean closedNow = store.close(slotId, why, by, now);
                List<JdbcAppointments.Row> out = new ArrayList<>();
                for (JdbcAppointments.Row row : store.openInSlot(slotId)) {
                    if (store.cancelByHall(row.booking().code(), why, by, now)) {
                        store.release(slotId);
                        out.add(row);
                    }
                }
                return closedNow ? out : (out.isEmpty() ? null : out);
            });
            if (done != null) {
                already = false;
                cancelled.addAll(done);
            }
        }
        log.info("Hall {} closed {} {} for {} by {}: {} bookings cancelled", h.name(), date, HH_MM.format(begins), items, by, cancelled.size());
        for (JdbcAppointments.Row row : cancelled) {
            String[] who = row.citizen().split(":", 2);
            Appointment a = row.booking().appointment();
            events.publishEvent(new AppointmentCancelledByHall(who[0], who.length > 1 ? who[1] : "", a, why, CitizenNotices.cancelledText(a, why)));
        }
        return new Closing(items, cancelled.size(), already);
    }

    /**
     * Reopens a closed slot (one item, or every item when blank): it takes new bookings again; the
     * bookings the closing cancelled stay cancelled. How many slots were reopened.
     */
    int reopenSlot(String hall, LocalDate date, String start, String item, String staff) {
        BookableHalls.Hall h = offered.hall(hall);
        List<String> items = itemsOf(h, item);
        LocalTime begins = slotStart(h, date, start);
        String by = HallDesk.staffName(staff);
        int reopened = 0;
        for (String it : items) {
            long slotId = store.slot(h.name(), it, date, HH_MM.format(begins), h.capacity());
            reopened += store.reopen(slotId) ? 1 : 0;
        }
        log.info("Hall {} reopened {} {} for {} by {}: {} slots", h.name(), date, HH_MM.format(begins), items, by, reopened);
        return reopened;
    }

    private static List<String> itemsOf(BookableHalls.Hall h, String item) {
        if (item == null || item.isBlank()) {
            return h.items();
        }
        if (!h.takes(item.strip())) {
            throw new IllegalArgumentException(h.name() + "不接受“" + item.strip() + "”的预约（item），可选：" + String.join("、", h.items()));
        }
        return List.of(item.strip());
    }

    private LocalTime slotStart(BookableHalls.Hall h, LocalDate date, String start) {
        if (date == null) {
            throw new IllegalArgumentException("请选择日期（date）");
        }
        if (!offered.hallDays().contains(date)) {
            throw new IllegalArgumentException("只能关闭今天起 " + settings.days() + " 个工作日内的时段（date），" + date + " 不在其中");
        }
        return OfferedSlots.startOf(start, h);
    }
}
