package dev.tollgate.audit;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy versions replicas activated, in the store they share: each version's files once ({@code policy_files},
 * by engine and digest), and each activation ({@code policy_activations}: which replica, which version, when), so
 * that the versions in force at any time can be named and a version copied back for replay from the store alone.
 */
public final class PostgresPolicyStore {
    private final DataSource store;
    private final String stream;
    private final Clock clock;

    /** One replica's activations; stream is its replica id. */
    public PostgresPolicyStore(DataSource store, String stream, Clock clock) {
        this.store = store;
        this.stream = stream;
        this.clock = clock;
    }

    /** A version activated by a replica: its stream (replica id), engine, digest and when. */
    public record Activation(String stream, String engine, String digest, Instant activatedAt) {
    }

    /**
     * Records that this replica activated the version, storing its files unless they are stored already, in one
     * transaction.
     *
     * @param stored the version's files as the data directory's {@link PolicyStore} holds them (checked against the
     *               digest there)
     * @param files  the version's files, relative to stored
     */
    public void activated(String engine, String digest, Path stored, List<Path> files) throws IOException {
        try (Connection connection = store.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement file = connection.prepareStatement("insert into policy_files"
                    + " (engine, digest, path, content) values (?, ?, ?, ?) on conflict do nothing");
                 PreparedStatement activation = connection.prepareStatement("insert into policy_activations"
                         + " (stream, engine, digest, activated_at) values (?, ?, ?, ?)")) {
                for (Path relative : files) {
                    file.setString(1, engine);
                    file.setString(2, digest);
                    file.setString(3, relative.toString().replace('\\', '/'));
                    file.setBytes(4, Files.readAllBytes(stored.resolve(relative)));
                    file.addBatch();
                }
                file.executeBatch();
                activation.setString(1, stream);
                activation.setString(2, engine);
                activation.setString(3, digest);
                activation.setTimestamp(4, Timestamp.from(clock.instant()));
                activation.executeUpdate();
                connection.commit();
            }
        } catch (SQLException e) {
            throw new IOException("the policy version " + digest + " could not be stored: " + e.getMessage(), e);
        }
    }

    /** For every stream and engine, the version it last activated at or before time. */
    public List<Activation> inForce(Instant time) throws IOException {
        try (Connection connection = store.getConnection(); PreparedStatement select = connection.prepareStatement("""
                select distinct on (stream, engine) stream, engine, digest, activated_at from policy_activations
                where activated_at <= ? order by stream, engine, activated_at desc, id desc""")) {
            select.setTimestamp(1, Timestamp.from(time));
            List<Activation> inForce = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    inForce.add(new Activation(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getTimestamp(4).toInstant()));
                }
            }
            return inForce;
        } catch (SQLException e) {
            throw new IOException("the policy activations could not be read: " + e.getMessage(), e);
        }
    }

    /** Copies every version the store holds into local, for replay from the store alone; returns how many. */
    public int copyAllTo(PolicyStore local) throws IOException {
        List<String[]> versions = new ArrayList<>();
        try (Connection connection = store.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select distinct engine, digest from policy_files");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                versions.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        } catch (SQLException e) {
            throw new IOException("the stored policy versions could not be listed: " + e.getMessage(), e);
        }
        for (String[] version : versions) {
            copyTo(local, version[0], version[1]);
        }
        return versions.size();
    }

    /**
     * Copies a stored version's files into local (checked there against the digest), for replay.
     *
     * @return false when the store holds no such version
     */
    public boolean copyTo(PolicyStore local, String engine, String digest) throws IOException {
        Path staging = Files.createTempDirectory("tollgate-policy-");
        try (Connection connection = store.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select path, content from policy_files where engine = ? and digest = ?")) {
            select.setString(1, engine);
            select.setString(2, digest);
            List<Path> files = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Path relative = Path.of(rows.getString(1));
                    Path copy = staging.resolve(PolicyStore.inside(relative));
                    Files.createDirectories(copy.getParent());
                    Files.write(copy, rows.getBytes(2));
                    files.add(relative);
                }
            }
            if (files.isEmpty()) {
                return false;
            }
            local.put(engine, digest, staging, files);
            return true;
        } catch (SQLException e) {
            throw new IOException("the policy version " + digest + " could not be read: " + e.getMessage(), e);
        } finally {
            PolicyStore.deleteRecursively(staging);
        }
    }
}
