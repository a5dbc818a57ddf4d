package dev.tollgate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A restart on the same data directory loads the Drools packs and the Rego Wasm build its first start compiled, and
 * decides as it did.
 */
class CompiledPacksRestartTest {
    private static final String REQUEST = """
            {"task": {"type": "summarize"}, "subject": {"country": "DE"}, "input": {"messages": [{"role": "user",
             "content": "Summarize the complaint of Maria Schmidt, maria.schmidt@example.org, +49 30 1234567."}]}}""";

    @Test
    void aRestartLoadsThePacksWithoutCompilingThemAndDecidesAlike(@TempDir Path data) throws IOException {
        Map<String, String> env = Map.of("TOLLGATE_DATA_DIR", data.toString());
        ObjectNode first;
        try (TestService service = TestService.start(TestService.POLICIES, List.of("drools", "rego-wasm"), env)) {
            first = decided(service);
        }
        Map<Path, FileTime> stored = storedPacks(data);
        assertEquals(5 + 1, stored.size(), stored::toString);

        try (TestService restarted = TestService.start(TestService.POLICIES, List.of("drools", "rego-wasm"), env)) {
            assertEquals(200, restarted.get("/health/ready").statusCode());
            assertEquals(first, decided(restarted));
        }
        assertEquals(stored, storedPacks(data), "no pack was compiled and stored again");
    }

    private static ObjectNode decided(TestService service) throws IOException {
        HttpResponse<String> response = service.decide(TestService.CLAIMS_KEY, REQUEST);
        assertEquals(200, response.statusCode(), response.body());
        ObjectNode decision = (ObjectNode) Json.MAPPER.readTree(response.body());
        decision.remove(List.of("decision_id", "expires_at", "token"));
        return decision;
    }

    private static Map<Path, FileTime> storedPacks(Path data) throws IOException {
        Map<Path, FileTime> files = new TreeMap<>();
        try (Stream<Path> stored = Files.walk(data.resolve("compiled-packs"))) {
            for (Path file : stored.filter(Files::isRegularFile).toList()) {
                files.put(data.relativize(file), Files.getLastModifiedTime(file));
            }
        }
        return files;
    }
}
