package dev.tollgate.audit;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The checkpoints of every stream of the shared store, in the {@code checkpoints} table, oldest first. */
public final class PostgresCheckpoints implements CheckpointStore {
    private final DataSource store;

    public PostgresCheckpoints(DataSource store) {
        this.store = store;
    }

    @Override
    public void append(Checkpoint checkpoint) throws IOException {
        try (Connection connection = store.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "insert into checkpoints (stream, seq, head_hash, time, key_id, signature) values (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, checkpoint.stream());
            insert.setLong(2, checkpoint.seq());
            insert.setString(3, checkpoint.headHash());
            insert.setString(4, checkpoint.time());
            insert.setString(5, checkpoint.keyId());
            insert.setString(6, checkpoint.signature());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("checkpoint of stream " + checkpoint.stream() + " not stored: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Checkpoint> all() throws IOException {
        try (Connection connection = store.getConnection(); PreparedStatement select = connection.prepareStatement(
                "select stream, seq, head_hash, time, key_id, signature from checkpoints order by id");
             ResultSet rows = select.executeQuery()) {
            List<Checkpoint> all = new ArrayList<>();
            while (rows.next()) {
                all.add(new Checkpoint(rows.getString(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6)));
            }
            return all;
        } catch (SQLException e) {
            throw new IOException("checkpoints not read: " + e.getMessage(), e);
        }
    }
}
