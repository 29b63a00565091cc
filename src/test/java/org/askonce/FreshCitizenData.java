package org.askonce;

import java.util.List;
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
 * gone, the knowledge base is as published. (H2, which the shared application runs on.)
 */
public final class FreshCitizenData implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        empty(JdbcClient.create(application.getBean(DataSource.class)), application.getEnvironment().getProperty("askonce.admin.username", ""));
    }

    static void empty(JdbcClient jdbc, String admin) {
        List<String> tables = jdbc.sql("""
                        SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES
                        WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'""")
                .query(String.class).list().stream()
                .filter(t -> !t.startsWith("kb_") && !t.equals("embedding_cache") && !t.equals("flyway_schema_history"))
                .filter(t -> !t.equals("app_user"))
                .toList();
        jdbc.sql("SET REFERENTIAL_INTEGRITY FALSE").update();
        try {
            for (String table : tables) {
                jdbc.sql("TRUNCATE TABLE " + table + " RESTART IDENTITY").update();
            }
            jdbc.sql("DELETE FROM app_user WHERE username <> ?").param(admin).update();
        } finally {
            jdbc.sql("SET REFERENTIAL_INTEGRITY TRUE").update();
        }
    }
}
