package org.askonce.appointments;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code appointment_slot}, {@code appointment} and {@code appointment_phone} tables (H2 or PostgreSQL). */
class JdbcAppointments {

    private final JdbcClient jdbc;

    JdbcAppointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the slot row, made (with its capacity) if nobody has booked it yet; commits on its own. */
    long slot(String hall, String item, LocalDate date, String start, int capacity) {
        Optional<Long> id = slotId(hall, item, date, start);
        if (id.isPresent()) {
            return id.get();
        }
        try {
            jdbc.sql("INSERT INTO appointment_slot (hall, item, slot_date, start_time, capacity, booked) VALUES (?, ?, ?, ?, ?, 0)")
                    .params(hall, item, Date.valueOf(date), start, capacity).update();
        } catch (DuplicateKeyException e) {
            // another booking made it at the same moment
        }
        return slotId(hall, item, date, start).orElseThrow();
    }

    private Optional<Long> slotId(String hall, String item, LocalDate date, String start) {
        return jdbc.sql("SELECT id FROM appointment_slot WHERE hall = ? AND item = ? AND slot_date = ? AND start_time = ?")
                .params(hall, item, Date.valueOf(date), start).query(Long.class).optional();
    }

    /** Takes one place in the slot if it has room; false when it is full. */
    boolean take(long slotId) {
        return jdbc.sql("UPDATE appointment_slot SET booked = booked + 1 WHERE id = ? AND booked < capacity AND closed_at IS NULL")
                .param(slotId).update() == 1;
    }

    /** Why the hall closed the slot, when it is closed. */
    Optional<String> closedReason(long slotId) {
        return jdbc.sql("SELECT closed_reason FROM appointment_slot WHERE id = ? AND closed_at IS NOT NULL").param(slotId)
                .query(String.class).optional();
    }

    void release(long slotId) {
        jdbc.sql("UPDATE appointment_slot SET booked = booked - 1 WHERE id = ? AND booked > 0").param(slotId).update();
    }

    /** How many are booked in each slot (by start) of a hall's item on a day; a slot the hall closed counts as full ({@link Integer#MAX_VALUE}). */
    Map<String, Integer> booked(String hall, String item, LocalDate date) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("SELECT start_time, booked, closed_at FROM appointment_slot WHERE hall = ? AND item = ? AND slot_date = ?")
                .params(hall, item, Date.valueOf(date))
                .query((rs, n) -> out.put(rs.getString(1), rs.getTimestamp(3) != null ? Integer.MAX_VALUE : rs.getInt(2))).list();
        return out;
    }

    /** Makes sure the phone has its lock row; commits on its own. */
    void phoneRow(String phoneKey) {
        if (jdbc.sql("SELECT COUNT(*) FROM appointment_phone WHERE phone_key = ?").param(phoneKey).query(Integer.class).single() > 0) {
            return;
        }
        try {
            jdbc.sql("INSERT INTO appointment_phone (phone_key) VALUES (?)").param(phoneKey).update();
        } catch (DuplicateKeyException e) {
            // made at the same moment
        }
    }

    /** Locks the phone's row until the transaction ends. */
    void lockPhone(String phoneKey) {
        jdbc.sql("SELECT phone_key FROM appointment_phone WHERE phone_key = ? FOR UPDATE").param(phoneKey).query(String.class).single();
    }

    int openForPhone(String phoneKey, LocalDate from) {
        return jdbc.sql("SELECT COUNT(*) FROM appointment WHERE phone_key = ? AND cancelled_at IS NULL AND visit_date >= ?")
                .params(phoneKey, Date.valueOf(from)).query(Integer.class).single();
    }

    /** @throws DuplicateKeyException when the code is taken or the citizen already has this item on that day */
    void insert(String code, long slotId, String citizen, Appointment a, String phone, String phoneKey, Instant at) {
        jdbc.sql("INSERT INTO appointment (code, slot_id, citizen, open_citizen, item, hall, visit_date, start_time, end_time, phone, phone_key, booked_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(code, slotId, citizen, citizen, a.item(), a.hall(), Date.valueOf(a.date()), a.start(), a.end(), phone, phoneKey, Timestamp.from(at))
                .update();
    }

    boolean openExists(String citizen, String item, LocalDate date) {
        return jdbc.sql("SELECT COUNT(*) FROM appointment WHERE open_citizen = ? AND item = ? AND visit_date = ?")
                .params(citizen, item, Date.valueOf(date)).query(Integer.class).single() > 0;
    }

    /** The citizen's open bookings from that day on, soonest first. */
    List<Appointment> open(String citizen, LocalDate from) {
        return jdbc.sql("SELECT code, item, hall, visit_date, start_time, end_time FROM appointment"
                        + " WHERE citizen = ? AND cancelled_at IS NULL AND visit_date >= ? ORDER BY visit_date, start_time, code")
                .params(citizen, Date.valueOf(from))
                .query((rs, n) -> new Appointment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    /** The slot of the citizen's open booking with this code, if any. */
    Optional<Long> openSlot(String citizen, String code) {
        return jdbc.sql("SELECT slot_id FROM appointment WHERE code = ? AND citizen = ? AND cancelled_at IS NULL")
                .params(code, citizen).query(Long.class).optional();
    }

    /** Marks it cancelled; false when it was not open (cancelled at the same moment). */
    boolean cancel(String code, Instant at) {
        return jdbc.sql("UPDATE appointment SET cancelled_at = ?, open_citizen = NULL WHERE code = ? AND cancelled_at IS NULL")
                .params(Timestamp.from(at), code).update() == 1;
    }

    /** The phone given with a booking (for tests and, later, hall staff). */
    Optional<String> phone(String code) {
        return jdbc.sql("SELECT phone FROM appointment WHERE code = ?").param(code).query(String.class).optional();
    }

    /** Masks the phone of every booking whose visit was before that day; how many. */
    int maskPhones(LocalDate visitedBefore, java.util.function.UnaryOperator<String> mask) {
        List<Map.Entry<String, String>> rows = jdbc.sql("SELECT code, phone FROM appointment WHERE phone_masked = FALSE AND visit_date < ?")
                .param(Date.valueOf(visitedBefore))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        for (Map.Entry<String, String> row : rows) {
            jdbc.sql("UPDATE appointment SET phone = ?, phone_masked = TRUE WHERE code = ?").params(mask.apply(row.getValue()), row.getKey()).update();
        }
        return rows.size();
    }

    /** A booking with the citizen it belongs to. */
    record Booked(String citizen, Appointment appointment) {
    }

    /** Open bookings on that day whose reminder has not gone out. */
    List<Booked> unreminded(LocalDate day) {
        return jdbc.sql("SELECT citizen, code, item, hall, visit_date, start_time, end_time FROM appointment"
                        + " WHERE visit_date = ? AND cancelled_at IS NULL AND reminded_at IS NULL ORDER BY code")
                .param(Date.valueOf(day))
                .query((rs, n) -> new Booked(rs.getString(1), new Appointment(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7))))
                .list();
    }

    /** Claims the reminder of a booking (one instance wins); false when another already sent it. */
    boolean claimReminder(String code, Instant at) {
        return jdbc.sql("UPDATE appointment SET reminded_at = ? WHERE code = ? AND reminded_at IS NULL")
                .params(Timestamp.from(at), code).update() == 1;
    }

    /** The citizen's open bookings between those days not yet shown as a reminder on their page. */
    List<Appointment> unshown(String citizen, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT code, item, hall, visit_date, start_time, end_time FROM appointment WHERE citizen = ? AND cancelled_at IS NULL"
                        + " AND shown_at IS NULL AND visit_date >= ? AND visit_date <= ? ORDER BY visit_date, start_time, code")
                .params(citizen, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new Appointment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    boolean claimShown(String code, Instant at) {
        return jdbc.sql("UPDATE appointment SET shown_at = ? WHERE code = ? AND shown_at IS NULL").params(Timestamp.from(at), code).update() == 1;
    }

    // --- hall staff ---

    private static final String HALL_COLUMNS = "code, item, hall, visit_date, start_time, end_time, phone, cancelled_at, hall_reason,"
            + " hall_cancelled_by, attendance, attendance_by, attendance_at, booked_at, citizen, slot_id";

    /** A booking with what only the hall and this module see: the citizen and the slot row. */
    record Row(HallBooking booking, String citizen, long slotId) {
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Appointment a = new Appointment(rs.getString("code"), rs.getString("item"), rs.getString("hall"), rs.getDate("visit_date").toLocalDate(),
                rs.getString("start_time"), rs.getString("end_time"));
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        String reason = rs.getString("hall_reason");
        String attendance = rs.getString("attendance");
        Timestamp markedAt = rs.getTimestamp("attendance_at");
        BookingState state;
        String by = rs.getString("attendance_by");
        if (cancelled != null) {
            state = reason != null ? BookingState.CANCELLED_BY_HALL : BookingState.CANCELLED;
            if (reason != null) {
                by = rs.getString("hall_cancelled_by");
                markedAt = cancelled;
            }
        } else if (attendance != null) {
            state = BookingState.valueOf(attendance);
        } else {
            state = BookingState.BOOKED;
        }
        return new Row(new HallBooking(a, rs.getString("phone"), state, by, markedAt == null ? null : markedAt.toInstant(), reason,
                rs.getTimestamp("booked_at").toInstant()), rs.getString("citizen"), rs.getLong("slot_id"));
    }

    /** Every booking of a hall with a visit between those days (both included), by day, time and code. */
    List<HallBooking> hallBookings(String hall, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + HALL_COLUMNS + " FROM appointment WHERE hall = ? AND visit_date >= ? AND visit_date <= ?"
                        + " ORDER BY visit_date, start_time, item, code")
                .params(hall, Date.valueOf(from), Date.valueOf(to)).query((rs, n) -> row(rs).booking()).list();
    }

    Optional<Row> booking(String code) {
        return jdbc.sql("SELECT " + HALL_COLUMNS + " FROM appointment WHERE code = ?").param(code).query((rs, n) -> row(rs)).optional();
    }

    /** Sets (or, attendance null, clears) the mark of a booking that is not cancelled; false when it is cancelled. */
    boolean mark(String code, BookingState attendance, String by, Instant at) {
        return jdbc.sql("UPDATE appointment SET attendance = ?, attendance_by = ?, attendance_at = ? WHERE code = ? AND cancelled_at IS NULL")
                .params(attendance == null ? null : attendance.name(), by, Timestamp.from(at), code).update() == 1;
    }

    /** Closes the slot; false when it was closed already. */
    boolean close(long slotId, String reason, String by, Instant at) {
        return jdbc.sql("UPDATE appointment_slot SET closed_at = ?, closed_by = ?, closed_reason = ? WHERE id = ? AND closed_at IS NULL")
                .params(Timestamp.from(at), by, reason, slotId).update() == 1;
    }

    /** Reopens the slot; false when it was not closed. */
    boolean reopen(long slotId) {
        return jdbc.sql("UPDATE appointment_slot SET closed_at = NULL, closed_by = NULL, closed_reason = NULL WHERE id = ? AND closed_at IS NOT NULL")
                .param(slotId).update() == 1;
    }

    /** The bookings of the slot still open and not marked, with their citizens. */
    List<Row> openInSlot(long slotId) {
        return jdbc.sql("SELECT " + HALL_COLUMNS + " FROM appointment WHERE slot_id = ? AND cancelled_at IS NULL AND attendance IS NULL ORDER BY code")
                .param(slotId).query((rs, n) -> row(rs)).list();
    }

    /** Cancels a booking for the hall's reason; false when it was no longer open. */
    boolean cancelByHall(String code, String reason, String by, Instant at) {
        return jdbc.sql("UPDATE appointment SET cancelled_at = ?, open_citizen = NULL, hall_reason = ?, hall_cancelled_by = ?"
                        + " WHERE code = ? AND cancelled_at IS NULL AND attendance IS NULL")
                .params(Timestamp.from(at), reason, by, code).update() == 1;
    }

    /** The closed slots of a hall between those days. */
    List<ClosedSlot> closedSlots(String hall, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT hall, item, slot_date, start_time, closed_reason, closed_by, closed_at FROM appointment_slot"
                        + " WHERE hall = ? AND slot_date >= ? AND slot_date <= ? AND closed_at IS NOT NULL ORDER BY slot_date, start_time, item")
                .params(hall, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new ClosedSlot(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** The citizen's bookings the hall cancelled, from that visit day on, not yet shown on their page. */
    List<HallBooking> unshownHallCancellations(String citizen, LocalDate from) {
        return jdbc.sql("SELECT " + HALL_COLUMNS + " FROM appointment WHERE citizen = ? AND hall_reason IS NOT NULL AND notice_shown_at IS NULL"
                        + " AND visit_date >= ? ORDER BY visit_date, start_time, code")
                .params(citizen, Date.valueOf(from)).query((rs, n) -> row(rs).booking()).list();
    }

    boolean claimNotice(String code, Instant at) {
        return jdbc.sql("UPDATE appointment SET notice_shown_at = ? WHERE code = ? AND notice_shown_at IS NULL")
                .params(Timestamp.from(at), code).update() == 1;
    }

    // --- statistics ---

    /** Bookings made in [start, end): per hall and item, how many. */
    List<Object[]> madeByHallAndItem(Instant start, Instant end) {
        return jdbc.sql("SELECT hall, item, COUNT(*) FROM appointment WHERE booked_at >= ? AND booked_at < ? GROUP BY hall, item")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}).list();
    }

    /** Bookings cancelled in [start, end): {by citizens, by the hall}. */
    int[] cancelled(Instant start, Instant end) {
        int[] out = new int[2];
        jdbc.sql("SELECT CASE WHEN hall_reason IS NULL THEN 0 ELSE 1 END k, COUNT(*) FROM appointment WHERE cancelled_at >= ? AND cancelled_at < ?"
                        + " GROUP BY CASE WHEN hall_reason IS NULL THEN 0 ELSE 1 END")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query(rs -> {
                    out[rs.getInt(1)] += rs.getInt(2);
                });
        return out;
    }

    /** Visits between those days marked arrived or no-show: per hall and mark, how many. */
    List<Object[]> marksByHall(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT hall, attendance, COUNT(*) FROM appointment WHERE visit_date >= ? AND visit_date <= ? AND cancelled_at IS NULL"
                        + " AND attendance IS NOT NULL GROUP BY hall, attendance")
                .params(Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}).list();
    }
}
