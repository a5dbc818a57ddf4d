package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.ClassStore;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.TestService;
import dev.tollgate.testing.TestStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static dev.tollgate.testing.OfflineAnswers.ended;
import static dev.tollgate.testing.OfflineAnswers.executeWhileDown;
import static dev.tollgate.testing.OfflineAnswers.validation;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas on one PostgreSQL store, both validating offline answers against one recording fake cloud: a
 * validation queued on one is seen queued on the other, is run once by whichever claims it, and both then report its
 * verdict.
 */
class ValidationsAcrossReplicasTest {
    @RegisterExtension
    static final ClassStore STORE = new ClassStore();
    private static RecordingCloud cloud;
    private static TestService a;
    private static TestService b;

    @BeforeAll
    static void start() throws Exception {
        cloud = RecordingCloud.start();
        Map<String, String> environment = Map.of("TOLLGATE_CLOUD_EU_URL", cloud.baseUrl(),
                "TOLLGATE_CLOUD_EU_MODEL", "cloud-model", "TOLLGATE_CLOUD_EU_KEY", "test-key",
                "TOLLGATE_VALIDATION_RETRY_MS", "200", "TOLLGATE_VALIDATION_LONGEST_WAIT_MS", "1000");
        TestStore.Replicas replicas = STORE.twoReplicas(environment);
        a = replicas.a();
        b = replicas.b();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void aValidationQueuedOnOneReplicaIsSeenOnBothAndRunOnce() throws Exception {
        cloud.always("APPROVED");
        String id = executeWhileDown(a, cloud, "Explain step by step how compound interest grows a savings account.")
                .get("validation_id").asText();
        try {
            JsonNode queued = Json.MAPPER.readTree(validation(b, TestService.CLAIMS_KEY, id).body());
            assertEquals("queued", queued.get("status").asText(), queued.toString());
        } finally {
            cloud.down(false);
        }

        for (TestService replica : new TestService[]{a, b}) {
            JsonNode agreed = ended(replica, id);
            assertEquals("agreed", agreed.get("status").asText(), agreed.toString());
        }
        assertEquals(1, cloud.bodies().size(), "one call validated the answer: " + cloud.messageTexts());
    }
}
