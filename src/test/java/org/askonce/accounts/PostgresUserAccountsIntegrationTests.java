package org.askonce.accounts;

import javax.sql.DataSource;
import org.askonce.PostgresSupport;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The accounts contract on a real PostgreSQL, a fresh schema per test. */
class PostgresUserAccountsIntegrationTests extends UserAccountsContractTests {

    @Override
    DataSource freshDatabase() {
        return new DriverManagerDataSource(PostgresSupport.freshSchemaUrl(), "postgres", "");
    }
}
