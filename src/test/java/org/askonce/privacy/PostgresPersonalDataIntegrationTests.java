package org.askonce.privacy;

import org.askonce.PostgresSupport;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Personal data minimised on a real PostgreSQL with the production profile. */
@ActiveProfiles("postgres")
class PostgresPersonalDataIntegrationTests extends PersonalDataContractTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = PostgresSupport.freshSchemaUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
