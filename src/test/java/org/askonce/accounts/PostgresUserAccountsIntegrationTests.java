package org.askonce.accounts;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.askonce.PostgresSupport;
import org.junit.jupiter.api.AfterEach;

/** The accounts contract on a real PostgreSQL, a fresh migrated database per test. */
class PostgresUserAccountsIntegrationTests extends UserAccountsContractTests {

    private HikariDataSource pool;

    @Override
    DataSource freshDatabase() {
        pool = PostgresSupport.freshMigratedDatabase(2);
        return pool;
    }

    @AfterEach
    void close() {
        pool.close();
    }
}
