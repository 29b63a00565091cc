package org.askonce.webchat;

import org.askonce.PostgresSupport;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The web chat's history, delivery on fetch and ratings of earlier answers on a real PostgreSQL with the production profile. */
@ActiveProfiles("postgres")
class PostgresChatHistoryIntegrationTests extends ChatHistoryIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String url = PostgresSupport.freshSchemaUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }
}
