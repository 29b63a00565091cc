package org.askonce;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Before a test class of a shared application ({@link MiniAppTest}, {@link SampleAppTest}): every table but the knowledge
 * base's ({@code kb_*}), the vector cache and Flyway's own is emptied and its identities restart, and
 * only the first admin is left of the staff — what earlier classes' citizens, agents and staff left is
 * gone, the knowledge base is as published. On H2, and on the PostgreSQL schema of a subclass that
 * runs the same tests there ({@code PostgresSupport}).
 */
public final class FreshCitizenData implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        DataSource dataSource = application.getBean(DataSource.class);
        boolean postgres;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database", e);
        }
        empty(JdbcClient.create(dataSource), postgres, application.getEnvironment().getProperty("askonce.admin.username", ""));
    }

    static void empty(JdbcClient jdbc, boolean postgres, String admin) {
        List<String> tables = jdbc.sql("""
                        SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES
                        WHERE LOWER(TABLE_SCHEMA) = LOWER(CURRENT_SCHEMA()) AND TABLE_TYPE = 'BASE TABLE'""")
                .query(String.class).list().stream()
                .filter(t -> !t.startsWith("kb_") && !t.equals("embedding_cache") && !t.equals("flyway_schema_history"))
                .filter(t -> !t.equals("app_user"))
                .toList();
        if (postgres) {
            // one statement: PostgreSQL empties tables that refer to each other together
            jdbc.sql("TRUNCATE TABLE " + String.join(", ", tables) + " RESTART IDENTITY").update();
        } else {
            jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
            try {
                for (String table : tables) {
                    jdbc.sql("TRUNCATE TABLE " + table + " RESTART IDENTITY").update();
                }
            } finally {
                jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
            }
        }
        jdbc.sql("DELETE FROM app_user WHERE username <> ?").param(admin).update();
    }
}
