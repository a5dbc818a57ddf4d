package dev.tollgate.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The store that replicas share: a PostgreSQL database named by a libpq URI
 * ({@code postgresql://user:password@host:port/db}), reached through a connection pool, its schema brought up to
 * date by Flyway (the migrations in {@code db/migration}) when it is opened.
 */
public final class PostgresStore implements AutoCloseable {
    /** How long a caller waits for a connection before its record counts as not durable. */
    private static final long CONNECTION_TIMEOUT_MS = 2000;

    private final HikariDataSource pool;
    private final String url;
    /** Outside the pool, held for the life of the process: it holds this replica's stream lock. */
    private Connection streamLock;

    /** The store's URL is not a libpq URI, or the store cannot be reached or migrated; the message names it. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private PostgresStore(HikariDataSource pool, String url) {
        this.pool = pool;
        this.url = redacted(url);
    }

    /**
     * Connects and migrates the schema.
     *
     * @throws StoreException if url is not a libpq URI, or the store cannot be reached or migrated
     */
    public static PostgresStore open(String url) {
        PostgresStore store = connect(url);
        try {
            Flyway.configure().dataSource(store.pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            store.close();
            throw new StoreException("the store " + redacted(url) + " could not be migrated: " + e.getMessage(), e);
        }
        return store;
    }

    /**
     * Connects without touching the schema.
     *
     * @throws StoreException if url is not a libpq URI, or the store cannot be reached
     */
    public static PostgresStore connect(String url) {
        HikariConfig config = new HikariConfig();
        URI uri = parse(url);
        config.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + ":" + (uri.getPort() == -1 ? 5432 : uri.getPort())
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            config.setUsername(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                config.setPassword(userInfo.substring(colon + 1));
            }
        }
        config.setPoolName("tollgate-store");
        config.setMaximumPoolSize(16);
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        try {
            return new PostgresStore(new HikariDataSource(config), url);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new StoreException("the store " + redacted(url) + " could not be reached: " + cause.getMessage(), e);
        }
    }

    private static URI parse(String url) {
        String shape = "a store must be a URL postgresql://user:password@host:port/database, not " + redacted(url);
        try {
            URI uri = new URI(url);
            if (!("postgresql".equals(uri.getScheme()) || "postgres".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
                throw new StoreException(shape, null);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new StoreException(shape, null);
        }
    }

    /** The URL without its password, for messages and logs. */
    public static String redacted(String url) {
        return url.replaceFirst("(//[^:/@]*):[^@/]*@", "$1:***@");
    }

    /**
     * Takes the lock of stream (a replica id) for as long as this store is open, on a connection of its own: a
     * session's advisory lock lives as long as the session, and a pooled connection is handed on.
     *
     * @throws StoreException when another process holds it, or the store cannot be reached
     */
    public void lockStream(String stream) {
        try {
            Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                    pool.getPassword());
            boolean locked;
            try (PreparedStatement lock = connection.prepareStatement(
                    "select pg_try_advisory_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "tollgate stream " + stream);
                try (ResultSet row = lock.executeQuery()) {
                    locked = row.next() && row.getBoolean(1);
                }
            }
            if (!locked) {
                connection.close();
                throw new StoreException("the stream " + stream + " of the store " + url + " is written by another"
                        + " running replica with the replica id " + stream + ": give each replica its own"
                        + " --replica-id (TOLLGATE_REPLICA_ID)", null);
            }
            streamLock = connection;
        } catch (SQLException e) {
            throw new StoreException("the store " + url + " could not be reached: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Closes the pool, then gives up the stream lock. */
    @Override
    public void close() {
        pool.close();
        if (streamLock != null) {
            try {
                streamLock.close();
            } catch (SQLException e) {
                // The session ends with the connection either way, and its lock with it.
                System.getLogger(PostgresStore.class.getName()).log(System.Logger.Level.DEBUG,
                        "the stream lock's connection did not close cleanly: " + e);
            }
        }
    }
}
