package dev.tollgate.testing;

import dev.tollgate.audit.PostgresStore;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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

    /** The server's host and port, for a proxy in front of it. */
    public URI server() {
        return URI.create(server);
    }

    /** This test's database reached through a proxy on loopback port. */
    public String urlThrough(int port) {
        URI own = URI.create(url());
        return own.getScheme() + "://" + own.getRawUserInfo() + "@127.0.0.1:" + port + own.getRawPath();
    }

    /**
     * A replica on this store: a service with its own data directory and replica id, executing on the on-device
     * model, with environment laid over that (another TOLLGATE_STORE, say). Replicas share keys as an operator hands
     * them the same secrets: see {@link #shareKeys}.
     */
    public TestService replica(String id, Path data, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(Map.of("TOLLGATE_SLM_MODEL", TestService.slmModel(),
                "TOLLGATE_STORE", url(), "TOLLGATE_REPLICA_ID", id, "TOLLGATE_DATA_DIR", data.toString()));
        env.putAll(environment);
        return TestService.start(TestService.POLICIES, List.of("drools"), env);
    }

    /** replica-a and replica-b on one store, sharing keys; closed together. */
    public record Replicas(TestService a, TestService b) implements AutoCloseable {
        @Override
        public void close() {
            a.close();
            b.close();
        }
    }

    /** Starts replica-a, then replica-b with a's keys, each in a data directory of its own, under environment. */
    public Replicas twoReplicas(Map<String, String> environment) throws IOException {
        Path first = Files.createTempDirectory("tollgate-replica-a");
        TestService a = replica("replica-a", first, environment);
        try {
            Path second = Files.createTempDirectory("tollgate-replica-b");
            shareKeys(first, second);
            return new Replicas(a, replica("replica-b", second, environment));
        } catch (IOException | RuntimeException e) {
            a.close();
            throw e;
        }
    }

    /** Copies the token, HMAC and masking keys of one replica's data directory into another's. */
    public static void shareKeys(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from.resolve("keys"))) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
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
