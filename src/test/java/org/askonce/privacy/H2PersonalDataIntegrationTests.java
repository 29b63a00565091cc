package org.askonce.privacy;

import org.springframework.test.context.TestPropertySource;

/** Personal data minimised on the embedded default, H2. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:personal-data;DB_CLOSE_DELAY=-1")
class H2PersonalDataIntegrationTests extends PersonalDataContractTests {
}
