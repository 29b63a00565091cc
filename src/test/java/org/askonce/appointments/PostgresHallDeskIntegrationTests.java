package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.askonce.PostgresSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hall staff's work on a real PostgreSQL, a fresh migrated database per test, through a pool as in production; closing a slot while citizens book it. */
class PostgresHallDeskIntegrationTests extends HallDeskContractTests {

    private HikariDataSource pool;

    @Override
    DataSource freshDatabase() {
        pool = PostgresSupport.freshMigratedDatabase(20);
        return pool;
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aSlotClosedWhileCitizensBookItKeepsNoOpenBookingAndEveryCancelledCitizenIsTold() throws Exception {
        int n = 30;
        ExecutorService threads = Executors.newFixedThreadPool(n + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> bookings = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String citizen = "wechat:o-" + i;
                String phone = String.format("136%08d", i);
                bookings.add(threads.submit(() -> {
                    start.await();
                    try {
                        return book(citizen, ITEM, TUESDAY, "10:00", phone).code();
                    } catch (AppointmentRefusedException e) {
                        return "refused: " + e.getMessage();
                    }
                }));
            }
            Future<SlotClosings.Closing> closing = threads.submit(() -> {
                start.await();
                return closings.closeSlot(HALL, TUESDAY, "10:00", ITEM, "窗口临时停办", "wang");
            });
            start.countDown();
            List<String> booked = new ArrayList<>();
            for (Future<String> f : bookings) {
                String outcome = f.get();
                if (!outcome.startsWith("refused")) {
                    booked.add(outcome);
                }
            }
            closing.get();

            // a booking that got in before the closing was cancelled by it, none got in after
            assertThat(booked.size()).isLessThanOrEqualTo(3);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE start_time = '10:00' AND cancelled_at IS NULL").query(Integer.class).single())
                    .isZero();
            assertThat(jdbc.sql("SELECT booked FROM appointment_slot WHERE start_time = '10:00'").query(Integer.class).single()).isZero();
            assertThat(published).extracting(e -> ((AppointmentCancelledByHall) e).appointment().code()).containsExactlyInAnyOrderElementsOf(booked);
            assertThat(appointments.slotsWithRoom(ITEM, HALL, TUESDAY)).extracting(Slot::start).doesNotContain("10:00");
        } finally {
            threads.shutdownNow();
        }
    }
}
