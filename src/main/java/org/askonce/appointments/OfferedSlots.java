package org.askonce.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.askonce.calendar.WorkingDays;

/**
 * What the halls offer: the working days bookings are offered for, a hall's slots on a day with the
 * places left, whether a slot has closed for booking, and the hall or start a caller names, looked up
 * or rejected with a message that names it. Citizens' booking and the hall desk share it.
 */
class OfferedSlots {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final BookableHalls halls;
    private final JdbcAppointments store;
    private final WorkingDays calendar;
    private final AppointmentSettings settings;
    private final Clock clock;

    OfferedSlots(BookableHalls halls, JdbcAppointments store, WorkingDays calendar, AppointmentSettings settings, Clock clock) {
        this.halls = halls;
        this.store = store;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /** The halls that take bookings for this item, in the order they are declared. */
    List<BookableHalls.Hall> taking(String item) {
        return halls.forItem(item);
    }

    /** Every hall that takes bookings, in the order the halls file declares them. */
    List<String> hallNames() {
        return halls.halls().stream().map(BookableHalls.Hall::name).toList();
    }

    /** Today in the calendar's zone. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    /** The working days bookings are offered for, from today. */
    List<LocalDate> days() {
        return calendar.next(today(), settings.days());
    }

    /** The days the hall page shows: today and the working days bookings are offered for. */
    List<LocalDate> hallDays() {
        List<LocalDate> days = new ArrayList<>(days());
        if (days.isEmpty() || !days.get(0).equals(today())) {
            days.add(0, today());
        }
        return days;
    }

    /** The halls taking the item: one (hall named) or all (hall blank). */
    List<BookableHalls.Hall> hallsOf(String item, String hall) {
        if (item == null || item.isBlank()) {
            throw new IllegalArgumentException("请给出要预约的事项名称（item）");
        }
        List<BookableHalls.Hall> taking = halls.forItem(item.strip());
        if (taking.isEmpty()) {
            throw new IllegalArgumentException("事项“" + item.strip() + "”不能在线预约（没有大厅开放它的预约）");
        }
        if (hall == null || hall.isBlank()) {
            return taking;
        }
        List<BookableHalls.Hall> one = taking.stream().filter(h -> h.name().equals(hall.strip())).toList();
        if (one.isEmpty()) {
            throw new IllegalArgumentException("大厅“" + hall.strip() + "”不接受“" + item.strip() + "”的预约，可预约的大厅："
                    + String.join("、", taking.stream().map(BookableHalls.Hall::name).toList()));
        }
        return one;
    }

    /** The hall of this name. */
    BookableHalls.Hall hall(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("请选择大厅（hall）");
        }
        return halls.hall(name.strip()).orElseThrow(() -> new IllegalArgumentException("大厅“" + name.strip()
                + "”不接受预约，可选：" + String.join("、", hallNames())));
    }

    /** The hall's slots for the item on the day that are still open for booking, with the places left (0 when full). */
    List<Slot> slotsOf(BookableHalls.Hall hall, String item, LocalDate day) {
        Map<String, Integer> booked = store.booked(hall.name(), item, day);
        List<Slot> out = new ArrayList<>();
        for (LocalTime start : hall.slotStarts()) {
            if (closed(day, start)) {
                continue;
            }
            String s = HH_MM.format(start);
            out.add(new Slot(hall.name(), day, s, HH_MM.format(start.plusMinutes(hall.slotMinutes())),
                    Math.max(0, hall.capacity() - booked.getOrDefault(s, 0))));
        }
        return out;
    }

    /** Whether booking for the slot has closed ({@code close-before} its start). */
    boolean closed(LocalDate day, LocalTime start) {
        ZonedDateTime begins = day.atTime(start).atZone(calendar.zone());
        return !clock.instant().plus(settings.closeBefore()).isBefore(begins.toInstant());
    }

    /** When the booking's slot begins. */
    Instant begins(Appointment a) {
        return a.date().atTime(LocalTime.parse(a.start())).atZone(calendar.zone()).toInstant();
    }

    /** The start of one of the hall's slots, as given ({@code 09:00} or {@code 9:00}). */
    static LocalTime startOf(String text, BookableHalls.Hall hall) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("请给出时段的开始时间（start，如 09:00）");
        }
        LocalTime start;
        try {
            start = LocalTime.parse(text.strip().length() == 4 ? "0" + text.strip() : text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("时段开始时间“" + text + "”格式不对，应如 09:00");
        }
        if (!hall.slotStarts().contains(start)) {
            throw new IllegalArgumentException(hall.name() + "没有 " + text.strip() + " 开始的时段，可选："
                    + String.join("、", hall.slotStarts().stream().map(HH_MM::format).toList()));
        }
        return start;
    }
}
