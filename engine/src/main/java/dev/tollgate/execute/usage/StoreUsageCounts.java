package dev.tollgate.execute.usage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.audit.DecisionLogUnavailableException;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.RecordRows;
import dev.tollgate.config.DestinationCatalog;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Usage in the store that replicas share ({@code usage_monthly}, {@code usage_tokens}): every replica adds to the
 * same rows, in the transaction that appends the record, so that budgets and /v1/usage count what every replica
 * executed, and a record is counted exactly when the store holds it. Read at each question: nothing at start.
 */
public final class StoreUsageCounts implements UsageCounts, RecordRows {
    private static final Set<String> COUNTED_TYPES = Set.of("execution", "validation");

    private final DataSource store;
    private final DestinationCatalog catalog;

    public StoreUsageCounts(DataSource store, DestinationCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public boolean has(ObjectNode body) {
        return COUNTED_TYPES.contains(body.path("type").asText());
    }

    @Override
    public void write(Connection connection, ObjectNode body, String time) throws SQLException {
        Optional<UsageOfRecord> counted = LogRecord.read(body).flatMap(r -> UsageOfRecord.of(r, time, catalog));
        if (counted.isEmpty()) {
            return;
        }
        String application = counted.get().application();
        MonthlyUsage u = counted.get().usage();
        try (PreparedStatement month = connection.prepareStatement("""
                insert into usage_monthly as u
                    (application, month, executions, on_device, two_stage, escalated, validated, disagreed)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (application, month) do update set executions = u.executions + excluded.executions,
                    on_device = u.on_device + excluded.on_device, two_stage = u.two_stage + excluded.two_stage,
                    escalated = u.escalated + excluded.escalated, validated = u.validated + excluded.validated,
                    disagreed = u.disagreed + excluded.disagreed""")) {
            month.setString(1, application);
            month.setString(2, u.month().toString());
            month.setLong(3, u.executions());
            month.setLong(4, u.onDevice());
            month.setLong(5, u.twoStage());
            month.setLong(6, u.escalated());
            month.setLong(7, u.validated());
            month.setLong(8, u.disagreed());
            month.executeUpdate();
        }
        for (Map.Entry<String, MonthlyUsage.Tokens> tokens : u.byDestination().entrySet()) {
            try (PreparedStatement add = connection.prepareStatement("""
                    insert into usage_tokens as t (application, month, destination, tokens_in, tokens_out)
                    values (?, ?, ?, ?, ?)
                    on conflict (application, month, destination) do update
                        set tokens_in = t.tokens_in + excluded.tokens_in,
                            tokens_out = t.tokens_out + excluded.tokens_out""")) {
                add.setString(1, application);
                add.setString(2, u.month().toString());
                add.setString(3, tokens.getKey());
                add.setLong(4, tokens.getValue().in());
                add.setLong(5, tokens.getValue().out());
                add.executeUpdate();
            }
        }
    }

    /** @throws DecisionLogUnavailableException when the store cannot be read */
    @Override
    public MonthlyUsage of(String application, YearMonth month) {
        try (Connection connection = store.getConnection();
             PreparedStatement counts = connection.prepareStatement("select executions, on_device, two_stage,"
                     + " escalated, validated, disagreed from usage_monthly where application = ? and month = ?");
             PreparedStatement tokens = connection.prepareStatement("select destination, tokens_in, tokens_out"
                     + " from usage_tokens where application = ? and month = ?")) {
            Map<String, MonthlyUsage.Tokens> byDestination = new HashMap<>();
            tokens.setString(1, application);
            tokens.setString(2, month.toString());
            try (ResultSet rows = tokens.executeQuery()) {
                while (rows.next()) {
                    byDestination.put(rows.getString(1), new MonthlyUsage.Tokens(rows.getLong(2), rows.getLong(3)));
                }
            }
            counts.setString(1, application);
            counts.setString(2, month.toString());
            try (ResultSet row = counts.executeQuery()) {
                if (!row.next()) {
                    return MonthlyUsage.none(month);
                }
                return new MonthlyUsage(month, row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                        byDestination, row.getLong(5), row.getLong(6));
            }
        } catch (SQLException e) {
            throw new DecisionLogUnavailableException(e);
        }
    }

    /** Nothing to do: the record's own transaction counted it. */
    @Override
    public void counted(UsageOfRecord usage) {
    }
}
