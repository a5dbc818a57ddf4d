package dev.tollgate.execute.offline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.RecordRows;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.terms.WireValue;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where each validation stands, as the store that replicas share says: ended ({@code validation_outcomes}, written
 * in the transaction of its validation record) or queued ({@code validation_queue}), whichever replica queued or ran
 * it.
 */
public final class StoreValidationStatuses implements RecordRows {
    private static final System.Logger LOG = System.getLogger(StoreValidationStatuses.class.getName());

    private final DataSource store;

    public StoreValidationStatuses(DataSource store) {
        this.store = store;
    }

    @Override
    public boolean has(ObjectNode body) {
        return "validation".equals(body.path("type").asText());
    }

    @Override
    public void write(Connection connection, ObjectNode body, String time) throws SQLException {
        if (!(LogRecord.read(body).orElse(null) instanceof ValidationRecord record) || record.validationId() == null) {
            return;
        }
        ValidationStatus ended = ValidationStatus.ended(record);
        try (PreparedStatement insert = connection.prepareStatement("insert into validation_outcomes"
                + " (validation_id, decision_id, application, state, attempts, problem) values (?, ?, ?, ?, ?, ?)"
                + " on conflict (validation_id) do nothing")) {
            insert.setString(1, ended.id());
            insert.setString(2, ended.decisionId());
            insert.setString(3, ended.application());
            insert.setString(4, ended.state().wire());
            insert.setInt(5, ended.attempts());
            insert.setString(6, ended.problem());
            insert.executeUpdate();
        }
    }

    /** The validation's status in the store; empty when it holds none, or cannot be reached. */
    public Optional<ValidationStatus> find(String id) {
        try (Connection connection = store.getConnection();
             PreparedStatement ended = connection.prepareStatement("select decision_id, application, state, attempts,"
                     + " problem from validation_outcomes where validation_id = ?");
             PreparedStatement queued = connection.prepareStatement("select decision_id, application, attempts"
                     + " from validation_queue where id = ?")) {
            ended.setString(1, id);
            try (ResultSet row = ended.executeQuery()) {
                if (row.next()) {
                    return Optional.of(new ValidationStatus(id, row.getString(2), row.getString(1),
                            WireValue.of(ValidationStatus.State.class, row.getString(3)),
                            row.getInt(4), row.getString(5)));
                }
            }
            queued.setString(1, id);
            try (ResultSet row = queued.executeQuery()) {
                return row.next() ? Optional.of(new ValidationStatus(id, row.getString(2), row.getString(1),
                        ValidationStatus.State.QUEUED, row.getInt(3), null)) : Optional.empty();
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "validation " + id + ": the store cannot be asked, answering from"
                    + " this replica's memory: " + e);
            return Optional.empty();
        }
    }
}
