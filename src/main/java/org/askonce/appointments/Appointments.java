package org.askonce.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.askonce.calendar.WorkingDays;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 预约办事: the slots halls offer for an item over the next working days, and citizens' bookings.
 * A citizen is a channel identity ({@code web:<userId>}, {@code wechat:<openid>}). The module's entry
 * point for the channels and the dashboard; the work is done by {@link OfferedSlots} (days and slots),
 * {@link Bookings} (booking and cancelling), {@link CitizenNotices} (reminders) and
 * {@link BookingFigures} (statistics). The hall staff's side is {@link HallDesk} and {@link SlotClosings}.
 */
public class Appointments {

    private final OfferedSlots offered;
    private final Bookings bookings;
    private final CitizenNotices notices;
    private final BookingFigures figures;

    /** With slots of its own over these halls (the tests build it so). */
    Appointments(BookableHalls halls, JdbcAppointments store, TransactionTemplate transactions, WorkingDays calendar,
            AppointmentSettings settings, Clock clock) {
        this(new OfferedSlots(halls, store, calendar, settings, clock), store, transactions, calendar, settings, clock);
    }

    /** Sharing the offered slots with the hall desk (the application builds it so). */
    Appointments(OfferedSlots offered, JdbcAppointments store, TransactionTemplate transactions, WorkingDays calendar,
            AppointmentSettings settings, Clock clock) {
        this.offered = offered;
        this.bookings = new Bookings(offered, store, transactions, settings, clock);
        this.notices = new CitizenNotices(offered, store, calendar, clock);
        this.figures = new BookingFigures(offered, store, calendar);
    }

    /** The citizen a booking belongs to: the channel's identity, e.g. {@code web:web-3f2a…} or {@code wechat:<openid>}. */
    public static String citizen(String channel, String userId) {
        return channel.toLowerCase(Locale.ROOT) + ":" + userId;
    }

    /** Whether some hall takes bookings for this item. */
    public boolean bookable(String item) {
        return item != null && !offered.taking(item).isEmpty();
    }

    /** The halls that take bookings for this item, in the order they are declared. */
    public List<String> hallsFor(String item) {
        return offered.taking(item).stream().map(BookableHalls.Hall::name).toList();
    }

    /** The working days bookings are offered for, from today. */
    public List<LocalDate> days() {
        return offered.days();
    }

    /** Every slot still open for booking over the offered days, of one hall or (hall null) of every hall that takes the item; full slots too, with 0 remaining. */
    public List<Slot> slots(String item, String hall) {
        List<Slot> out = new ArrayList<>();
        for (BookableHalls.Hall h : offered.hallsOf(item, hall)) {
            for (LocalDate day : days()) {
                out.addAll(offered.slotsOf(h, item, day));
            }
        }
        return out;
    }

    /** The slots of one hall on one day that can still be booked and have room. */
    public List<Slot> slotsWithRoom(String item, String hall, LocalDate day) {
        return offered.hallsOf(item, hall).stream().flatMap(h -> offered.slotsOf(h, item, day).stream()).filter(s -> s.remaining() > 0).toList();
    }

    /**
     * Books a slot for the citizen.
     *
     * @throws IllegalArgumentException bad input (unknown item or hall, a day or time not offered, a bad phone number)
     * @throws AppointmentRefusedException the slot is full or closed, the citizen already has the item that day, or the phone holds too many open bookings
     */
    public Appointment book(String citizen, BookingRequest request) {
        return bookings.book(citizen, request);
    }

    /** The citizen's bookings from today on, soonest first. */
    public List<Appointment> mine(String citizen) {
        return bookings.mine(citizen);
    }

    /**
     * Cancels the citizen's booking with this code; its place is free again.
     *
     * @throws AppointmentNotFoundException no open booking of this citizen has that code
     */
    public Appointment cancel(String citizen, String code) {
        return bookings.cancel(citizen, code);
    }

    /**
     * Sends the reminder of every open booking for tomorrow that has none yet (each claimed in the
     * database, so that two instances never both send it); how many were sent.
     */
    int remind(Instant now, Consumer<AppointmentReminderDue> send) {
        return notices.remind(now, send);
    }

    /**
     * The reminders a web citizen's page shows on their next visit: the bookings the hall cancelled
     * (closing their slot) and their bookings for today and tomorrow, not shown before (each shown once).
     */
    public List<String> webReminders(String citizen) {
        return notices.webReminders(citizen);
    }

    /** Every hall that takes bookings, in the order the halls file declares them. */
    public List<String> hallNames() {
        return offered.hallNames();
    }

    /**
     * The figures of 预约办事 for the calendar days {@code from}..{@code to} (see {@link BookingStatistics}).
     */
    public BookingStatistics statistics(LocalDate from, LocalDate to) {
        return figures.statistics(from, to);
    }
}
