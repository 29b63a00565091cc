package org.askonce.accounts;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.askonce.PostgresSupport;
import org.junit.jupiter.api.AfterEach;

/** The login throttling contract on a real PostgreSQL, a fresh migrated database per test (pooled: a failure is several statements). */
class PostgresLoginThrottleIntegrationTests extends LoginThrottleContractTests {

    private HikariDataSource pool;

    @Override
    DataSource freshDatabase() {
        pool = PostgresSupport.freshMigratedDatabase(8);
        return pool;
    }

    @AfterEach
    void close() {
        pool.close();
    }
}
