package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.testing.ClassStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replica's stream in a real PostgreSQL under concurrent appends, which share commits: every append is
 * acknowledged with its own seq, and the table holds one unbroken chain of exactly those records.
 */
class PostgresDecisionLogTest {
    @RegisterExtension
    static final ClassStore STORE = new ClassStore();

    @Test
    void concurrentAppendsAreEachAcknowledgedAndChainedInOrder() throws Exception {
        int threads = 16;
        int each = 40;
        List<Future<List<DecisionLog.Appended>>> appenders = new ArrayList<>();
        try (PostgresDecisionLog log = PostgresDecisionLog.open(STORE.dataSource(), "busy", Clock.systemUTC());
             ExecutorService parallel = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                appenders.add(parallel.submit(() -> {
                    List<DecisionLog.Appended> acknowledged = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        ObjectNode body = Json.MAPPER.createObjectNode().put("thread", thread).put("i", i);
                        CompletableFuture<DecisionLog.Appended> appended = log.append(body);
                        acknowledged.add(appended.join());
                    }
                    return acknowledged;
                }));
            }
            Set<Long> seqs = new TreeSet<>();
            for (Future<List<DecisionLog.Appended>> appender : appenders) {
                appender.get().forEach(a -> seqs.add(a.seq()));
            }
            assertEquals(LongStream.rangeClosed(1, threads * each).boxed().collect(Collectors.toSet()), seqs);
            assertEquals(threads * each, log.lastSeq());
        }

        String previous = HashChain.GENESIS;
        long expected = 1;
        try (Connection connection = STORE.dataSource().getConnection(); PreparedStatement select =
                connection.prepareStatement("select seq, line from log_records where stream = 'busy' order by seq");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                assertEquals(expected++, rows.getLong(1));
                JsonNode line = Json.MAPPER.readTree(rows.getString(2));
                assertEquals(previous, line.get("prev_hash").asText(), "seq " + rows.getLong(1));
                HashChain.Sealed sealed = HashChain.unseal(rows.getString(2)).orElseThrow();
                assertTrue(sealed.intact(), "seq " + rows.getLong(1));
                previous = sealed.storedHash();
            }
        }
        assertEquals(threads * each + 1, expected);
    }
}
