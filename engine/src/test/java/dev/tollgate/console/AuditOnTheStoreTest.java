package dev.tollgate.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.testing.ClassStore;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import dev.tollgate.testing.TestStore;
import dev.tollgate.trail.ChainStatus;
import dev.tollgate.trail.TrailSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas on one PostgreSQL store: the audit API of either lists and explains every replica's decisions, and the
 * trail's status verifies every replica's stream.
 */
class AuditOnTheStoreTest {
    @RegisterExtension
    static final ClassStore STORE = new ClassStore();
    private static TestService a;
    private static TestService b;

    @BeforeAll
    static void start() throws Exception {
        TestStore.Replicas replicas = STORE.twoReplicas(Map.of());
        a = replicas.a();
        b = replicas.b();
    }

    private static List<String> listed(TestService replica) throws Exception {
        List<String> ids = new ArrayList<>();
        AuditCalls.get(replica, "/v1/audit/decisions?limit=500").get("decisions")
                .forEach(decision -> ids.add(decision.get("decision_id").asText()));
        return ids;
    }

    @Test
    void eachReplicaListsAndExplainsTheDecisionsOfBoth() throws Exception {
        List<String> before = listed(b);
        String onA = AuditCalls.decide(a, Samples.BODIES.get(0));
        assertTrue(listed(b).contains(onA), "B lists the decision made on A a moment ago");
        String onB = AuditCalls.decide(b, Samples.BODIES.get(1));
        List<String> onBoth = listed(a);
        assertTrue(onBoth.containsAll(List.of(onA, onB)), onBoth.toString());
        assertEquals(listed(b).size(), before.size() + 2);

        JsonNode explained = AuditCalls.get(b, "/v1/audit/decisions/" + onA);
        assertEquals(onA, explained.get("decision_id").asText());
        assertEquals("claims-assistant", explained.get("application").asText());
        assertFalse(explained.get("rules").isEmpty(), explained.toString());
        assertEquals(onB, AuditCalls.get(a, "/v1/audit/decisions/" + onB).get("decision_id").asText());
        assertTrue(AuditCalls.get(b, "/v1/audit/policies").get("periods").size() > 0);
    }

    @Test
    void theTrailStatusVerifiesEveryReplicasStreamAndShowsAChangedRowAsBroken() throws Exception {
        String changed = AuditCalls.decide(a, Samples.BODIES.get(2));
        AuditCalls.decide(b, Samples.BODIES.get(3));
        try (PostgresStore shared = PostgresStore.connect(STORE.url())) {
            ChainStatus.Verified intact = new ChainStatus(TrailSource.of(shared.dataSource()), Clock.systemUTC()).now();
            assertEquals(Set.of("replica-a", "replica-b"), intact.streams().keySet());
            assertTrue(intact.intact(), intact.toString());

            try (Connection connection = shared.dataSource().getConnection();
                 Statement change = connection.createStatement()) {
                assertEquals(1, change.executeUpdate("update log_records set line = replace(line,"
                        + " '\"claims-assistant\"', '\"support-bot\"') where stream = 'replica-a'"
                        + " and line like '%" + changed + "%'"), "only the decision names its id: nothing was executed");
            }
            ChainStatus.Verified broken = new ChainStatus(TrailSource.of(shared.dataSource()), Clock.systemUTC()).now();
            assertFalse(broken.intact());
            assertTrue(broken.streams().get("replica-b").ok());
            assertTrue(broken.streams().get("replica-a").firstFailure().reason().contains("hash mismatch"),
                    broken.toString());
        }
    }
}
