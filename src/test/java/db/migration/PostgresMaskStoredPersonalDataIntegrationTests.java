package db.migration;

import javax.sql.DataSource;
import org.askonce.PostgresSupport;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V11_1 on a real PostgreSQL, a fresh schema per test. */
class PostgresMaskStoredPersonalDataIntegrationTests extends MaskStoredPersonalDataContractTests {

    @Override
    DataSource freshDatabase() {
        return new DriverManagerDataSource(PostgresSupport.freshSchemaUrl(), "postgres", "");
    }
}
