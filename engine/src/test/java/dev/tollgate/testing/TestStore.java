package dev.tollgate.testing;

import dev.tollgate.audit.PostgresStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for a test class, on the PostgreSQL the test script started (scripts/postgres.sh, whose
 * libpq URI it exports as TOLLGATE_TEST_STORE); dropped on close.
 */
public final class TestStore implements AutoCloseable {
    public static final String VARIABLE = "TOLLGATE_TEST_STORE";

    private final String server;
    private final String name;

    private TestStore(String server, String name) {
        this.server = server;
        this.name = name;
    }

    public static TestStore create() {
        String server = System.getenv(VARIABLE);
        if (server == null || server.isBlank()) {
            throw new IllegalStateException(VARIABLE + " is not set: run ./tollgate test, or start a PostgreSQL with "
                    + "scripts/postgres.sh start and export the URL it prints as " + VARIABLE);
        }
        String name = "tollgate_test_" + UUID.randomUUID().toString().replace("-", "");
        admin(server, "create database " + name);
        return new TestStore(server, name);
    }

    /** The libpq URI of this test's database. */
    public String url() {
        return server.substring(0, server.lastIndexOf('/') + 1) + name;
    }

    @Override
    public void close() {
        admin(server, "drop database if exists " + name + " with (force)");
    }

    private static void admin(String server, String sql) {
        try (PostgresStore store = PostgresStore.connect(server); Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
