package dev.tollgate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.PostgresPolicyStore;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.testing.ClassStore;
import dev.tollgate.testing.TestService;
import dev.tollgate.testing.TestStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas, two services with their own data directories and replica ids, on one PostgreSQL store: a token is
 * honoured by either, once. The replicas share the keys (copied, as an operator hands every replica the same
 * secrets); records, used tokens and checkpoints are in the store.
 */
class ReplicasOnOneStoreTest {
    private static final String KEY = "demo-support-bot";
    private static final String QUESTION = "What are your opening hours on Saturday?";
    private static final String DECIDE = """
            {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "%s"}]}}""";

    @RegisterExtension
    static final ClassStore STORE = new ClassStore();
    private static TestService a;
    private static TestService b;

    @BeforeAll
    static void start() throws IOException {
        TestStore.Replicas replicas = STORE.twoReplicas(Map.of());
        a = replicas.a();
        b = replicas.b();
    }

    private static String token(TestService replica) throws IOException {
        HttpResponse<String> decided = replica.decide(KEY, DECIDE.formatted(QUESTION));
        assertEquals(200, decided.statusCode(), decided.body());
        return Json.MAPPER.readTree(decided.body()).get("token").asText();
    }

    private static HttpResponse<String> execute(TestService replica, String token) {
        ObjectNode body = (ObjectNode) Json.MAPPER.valueToTree(Map.of("input", Map.of("messages",
                List.of(Map.of("role", "user", "content", QUESTION)))));
        body.put("token", token);
        body.put("max_tokens", 8);
        try {
            return replica.execute(KEY, Json.MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDecisionMadeOnOneReplicaExecutesOnTheOtherAndIsRefusedAsUsedOnTheFirst() throws Exception {
        String token = token(a);

        HttpResponse<String> executed = execute(b, token);
        assertEquals(200, executed.statusCode(), executed.body());
        assertProblem(execute(a, token), 409, "token-used");
    }

    @Test
    void tenParallelUsesOfOneTokenAcrossBothReplicasGiveExactlyOneExecution() throws Exception {
        String token = token(b);
        List<Future<HttpResponse<String>>> uses = new ArrayList<>();
        try (ExecutorService parallel = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                TestService replica = i % 2 == 0 ? a : b;
                uses.add(parallel.submit(() -> execute(replica, token)));
            }
        }
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (Future<HttpResponse<String>> use : uses) {
            byStatus.merge(use.get().statusCode(), 1, Integer::sum);
        }
        assertEquals(Map.of(200, 1, 409, 9), byStatus);
    }

    @Test
    void bothReplicasNameTheSamePolicyVersionInForce() throws Exception {
        List<PostgresPolicyStore.Activation> inForce;
        try (PostgresStore shared = PostgresStore.connect(STORE.url())) {
            inForce = new PostgresPolicyStore(shared.dataSource(), "auditor", Clock.systemUTC()).inForce(Instant.now());
        }
        assertEquals(List.of("replica-a", "replica-b"), inForce.stream().map(PostgresPolicyStore.Activation::stream)
                .toList());
        assertEquals(1, inForce.stream().map(PostgresPolicyStore.Activation::digest).distinct().count(), inForce.toString());
        assertEquals(List.of("drools", "drools"), inForce.stream().map(PostgresPolicyStore.Activation::engine).toList());
    }

    @Test
    void eachReplicaAppendsItsOwnChainedStreamToTheStore() throws Exception {
        token(a);
        token(b);
        try (PostgresStore shared = PostgresStore.connect(STORE.url());
             Connection connection = shared.dataSource().getConnection(); Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select stream, min(seq), max(seq), count(*) from log_records"
                     + " group by stream order by stream")) {
            List<String> streams = new ArrayList<>();
            while (rows.next()) {
                streams.add(rows.getString(1));
                assertEquals(1, rows.getLong(2), "each stream starts at seq 1");
                assertEquals(rows.getLong(4), rows.getLong(3), "each stream counts up without gaps");
            }
            assertEquals(List.of("replica-a", "replica-b"), streams);
        }
    }
}
