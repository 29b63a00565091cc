package org.askonce.analytics;

import javax.sql.DataSource;
import org.askonce.PostgresSupport;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The figures on a real PostgreSQL, a fresh schema per test. */
class PostgresAnalyticsIntegrationTests extends AnalyticsContractTests {

    @Override
    DataSource freshDatabase() {
        return new DriverManagerDataSource(PostgresSupport.freshSchemaUrl(), "postgres", "");
    }
}
