package org.askonce.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.askonce.PostgresSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The booking contract on a real PostgreSQL, a fresh migrated database per test, through a pool as in production. */
class PostgresAppointmentsIntegrationTests extends AppointmentsContractTests {

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

    private static HikariDataSource pool(String url) {
        HikariDataSource p = new HikariDataSource();
        p.setJdbcUrl(url);
        p.setUsername("postgres");
        p.setPassword("");
        p.setMaximumPoolSize(10);
        return p;
    }

    private static Appointments instance(DataSource dataSource) {
        return new Appointments(halls(), new JdbcAppointments(JdbcClient.create(dataSource)),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), calendar(),
                new AppointmentSettings(5, Duration.ofHours(2), 3, Duration.ofDays(30), "-"),
                Clock.fixed(MONDAY.atTime(8, 0).atZone(SHANGHAI).toInstant(), SHANGHAI));
    }

    @Test
    void twoInstancesBookingFiftyAtOnceForASlotOfThreeGiveExactlyThree() throws Exception {
        String url = PostgresSupport.freshSchemaUrl();
        try (HikariDataSource one = pool(url); HikariDataSource two = pool(url)) {
            Flyway.configure().dataSource(one).locations("classpath:db/migration").load().migrate();
            List<Appointments> instances = List.of(instance(one), instance(two));
            ExecutorService threads = Executors.newFixedThreadPool(50);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                Appointments on = instances.get(i % 2);
                String citizen = "wechat:o-" + i;
                String phone = String.format("137%08d", i);
                results.add(threads.submit(() -> {
                    start.await();
                    try {
                        on.book(citizen, new BookingRequest(ITEM, HALL, TUESDAY, "10:00", phone));
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
            threads.shutdownNow();
            assertThat(booked).isEqualTo(3);
            assertThat(JdbcClient.create(two).sql("SELECT COUNT(*) FROM appointment WHERE cancelled_at IS NULL").query(Integer.class).single())
                    .isEqualTo(3);
            assertThat(instances.get(1).slots(ITEM, HALL)).contains(new Slot(HALL, TUESDAY, "10:00", "10:30", 0));
        }
    }
}
