package dev.tollgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Rows of the shared store that go with some records (usage counters, say), written in the record's own transaction
 * so that they are there exactly when the record is.
 */
public interface RecordRows {
    RecordRows NONE = new RecordRows() {
        @Override
        public boolean has(ObjectNode body) {
            return false;
        }

        @Override
        public void write(Connection connection, ObjectNode body, String time) {
        }
    };

    /** The rows of each of these, in order. */
    static RecordRows all(RecordRows... rows) {
        return new RecordRows() {
            @Override
            public boolean has(ObjectNode body) {
                return Arrays.stream(rows).anyMatch(r -> r.has(body));
            }

            @Override
            public void write(Connection connection, ObjectNode body, String time) throws SQLException {
                for (RecordRows r : rows) {
                    if (r.has(body)) {
                        r.write(connection, body, time);
                    }
                }
            }
        };
    }

    /** Whether a record with this body brings rows; the others are committed alone. */
    boolean has(ObjectNode body);

    /** Writes the rows of the record appended at time (the log's ISO instant), within its transaction. */
    void write(Connection connection, ObjectNode body, String time) throws SQLException;
}
