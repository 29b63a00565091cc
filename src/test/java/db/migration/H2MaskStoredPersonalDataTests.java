package db.migration;

import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V11_1 on an in-memory H2 database, a new one per test. */
class H2MaskStoredPersonalDataTests extends MaskStoredPersonalDataContractTests {

    @Override
    DataSource freshDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:mask-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
