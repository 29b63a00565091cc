package org.askonce.appointments;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.askonce.PostgresSupport;
import org.junit.jupiter.api.AfterEach;

/** The booking contract on a real PostgreSQL, a fresh schema per test, through a pool as in production. */
class PostgresAppointmentsIntegrationTests extends AppointmentsContractTests {

    private HikariDataSource pool;

    @Override
    DataSource freshDatabase() {
        pool = new HikariDataSource();
        pool.setJdbcUrl(PostgresSupport.freshSchemaUrl());
        pool.setUsername("postgres");
        pool.setPassword("");
        pool.setMaximumPoolSize(20);
        return pool;
    }

    @AfterEach
    void close() {
        pool.close();
    }
}
