package dev.tollgate.server;

import dev.tollgate.Json;
import dev.tollgate.audit.ChainVerifier;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.audit.StoreRecords;
import dev.tollgate.audit.VerifyReport;
import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TcpProxy;
import dev.tollgate.testing.TestService;
import dev.tollgate.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store unreachable under load (every connection to PostgreSQL dropped, new ones refused): decisions answer 503
 * decision-log-unavailable meanwhile, every decision answered 200 is in the store with the chain intact, and the
 * service takes decisions again by itself once the store is back.
 */
class StoreOutageTest {
    private static final int CLIENTS = 4;

    @Test
    void decisionsAnswer503WhileTheStoreIsDownLoseNothingAcknowledgedAndRecover(@TempDir Path data) throws Exception {
        try (TestStore store = TestStore.create(); TcpProxy proxy = TcpProxy.to(store.server().getHost(),
                store.server().getPort());
             TestService replica = store.replica("replica-a", data,
                     Map.of("TOLLGATE_STORE", store.urlThrough(proxy.port())))) {
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Map<String, Integer> refusedBy = new ConcurrentHashMap<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
                for (int i = 0; i < CLIENTS; i++) {
                    clients.submit(() -> {
                        while (loading.get()) {
                            HttpResponse<String> decided = replica.decide(TestService.CLAIMS_KEY, Samples.BODIES.getFirst());
                            if (decided.statusCode() == 200) {
                                acknowledged.add(Json.MAPPER.readTree(decided.body()).get("decision_id").asText());
                            } else {
                                refusedBy.merge(decided.statusCode() + " "
                                        + Json.MAPPER.readTree(decided.body()).path("type").asText(), 1, Integer::sum);
                            }
                        }
                        return null;
                    });
                }
                awaitDecisions(acknowledged, 5);
                proxy.cut();
                assertProblem(replica.decide(TestService.CLAIMS_KEY, Samples.BODIES.getFirst()), 503,
                        "decision-log-unavailable");
                assertEquals(503, replica.get("/health/ready").statusCode());
                proxy.restore();
                Eventually.until("ready again once the store is back", Duration.ofSeconds(30),
                        () -> replica.get("/health/ready").statusCode(), status -> status == 200);
                int before = acknowledged.size();
                awaitDecisions(acknowledged, before + 5);
                loading.set(false);
            }

            assertTrue(refusedBy.keySet().stream().allMatch(r -> r.startsWith("503 ") && r.endsWith(
                    "/decision-log-unavailable")), refusedBy.toString());
            try (PostgresStore shared = PostgresStore.connect(store.url());
                 StoreRecords records = StoreRecords.stream(shared.dataSource(), "replica-a")) {
                Set<String> stored = new HashSet<>();
                VerifyReport chain = new ChainVerifier().verify(records,
                        line -> stored.add(line.fields().path("decision_id").asText()));
                assertTrue(chain.ok(), chain.render());
                assertTrue(stored.containsAll(acknowledged), "every decision answered 200 is in the store");
            }
        }
    }

    private static void awaitDecisions(Set<String> acknowledged, int count) throws Exception {
        Eventually.until(count + " decisions answered", Duration.ofSeconds(60), acknowledged::size, n -> n >= count);
    }
}
