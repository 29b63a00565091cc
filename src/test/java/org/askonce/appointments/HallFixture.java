package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bookings for the hall page's tests over HTTP, whose clock is the real one: a booking for today
 * in the dog hall of the mini knowledge base, whatever the time now (booking itself closes two
 * hours before a slot), written as a booking would be.
 */
public final class HallFixture {

    public static final String DOG = "养犬登记（犬证办理）";
    public static final String DOG_HALL = "杭州市民中心行政服务中心公安窗口";
    private static final AtomicInteger CODES = new AtomicInteger();

    private HallFixture() {
    }

    /** Books today's slot {@code start}-{@code end} for the citizen; the code (T0…, never one the application makes). */
    public static String bookToday(JdbcClient jdbc, String citizen, String start, String end, String phone) {
        return bookOn(jdbc, LocalDate.now(ZoneId.of("Asia/Shanghai")), citizen, start, end, phone);
    }

    /** Books the slot {@code start}-{@code end} of {@code day} (also a day gone by) for the citizen; the code. */
    public static String bookOn(JdbcClient jdbc, LocalDate day, String citizen, String start, String end, String phone) {
        JdbcAppointments store = new JdbcAppointments(jdbc);
        long slot = store.slot(DOG_HALL, DOG, day, start, 3);
        assertThat(store.take(slot)).isTrue();
        String code = String.format("T0%03d", CODES.incrementAndGet());
        store.insert(code, slot, citizen, new Appointment(code, DOG, DOG_HALL, day, start, end), phone, "test-" + code, Instant.now());
        return code;
    }
}
