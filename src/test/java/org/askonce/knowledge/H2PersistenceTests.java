package org.askonce.knowledge;

import org.springframework.test.context.TestPropertySource;

/** The persistence contract on the embedded default, H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:persistence-contract;DB_CLOSE_DELAY=-1")
class H2PersistenceTests extends PersistenceContractTests {
}
