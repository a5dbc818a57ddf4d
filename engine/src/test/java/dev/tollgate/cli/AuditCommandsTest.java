package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.audit.TestLogs;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The auditor's commands as an auditor runs them: verify and replay over a log the service wrote. */
class AuditCommandsTest {
    record Run(int exitCode, String output) {
    }

    static Run capture(Callable<Integer> command) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = command.call();
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    private static Path decideSamples() {
        try (TestService service = TestService.start()) {
            for (String body : Samples.BODIES) {
                assertEquals(200, service.decide(TestService.CLAIMS_KEY, body).statusCode());
            }
            return service.dataDir();
        }
    }

    @Test
    void verifyPassesOnAnIntactLogAndNamesTheRecordWithOneTamperedByte() throws Exception {
        Path data = decideSamples();
        List<String> args = List.of("--data-dir", data.toString());
        Run intact = capture(() -> VerifyCommand.run(args));
        assertEquals(0, intact.exitCode(), intact.output());
        long records = Json.MAPPER.readTree(capture(() -> VerifyCommand.run(List.of("--data-dir", data.toString(),
                "--json"))).output()).path("chain").path("records_checked").asLong();
        assertTrue(records >= Samples.BODIES.size(), intact.output());
        assertTrue(intact.output().matches("(?s).*\\nSpeed: [\\d,]+ records/s \\(" + records + " records in [\\d.]+ s\\)\\n"),
                intact.output());

        Path segment = TestLogs.segmentFiles(data.resolve("log")).getFirst();
        byte[] bytes = Files.readAllBytes(segment);
        int thirdLine = indexOfLine(bytes, 3);
        int target = indexOf(bytes, "\"effect\":\"", thirdLine) + "\"effect\":\"".length();
        bytes[target] = (byte) (bytes[target] == 'a' ? 'b' : 'a');
        Files.write(segment, bytes);

        Run tampered = capture(() -> VerifyCommand.run(args));
        assertEquals(1, tampered.exitCode(), tampered.output());
        assertTrue(tampered.output().contains("record 3"), tampered.output());
        assertTrue(tampered.output().contains(segment.getFileName().toString()), tampered.output());
    }

    @Test
    void replayReportsZeroMismatchesForTheServicesOwnLog() throws Exception {
        Path data = decideSamples();
        Run replay = capture(() -> ReplayCommand.run(List.of("--data-dir", data.toString())));
        assertEquals(0, replay.exitCode(), replay.output());
        assertTrue(replay.output().contains("Mismatches: 0"), replay.output());
        assertTrue(replay.output().contains("Decisions replayed: " + Samples.BODIES.size()), replay.output());
        assertTrue(replay.output().matches("(?s).*\\nSpeed: [\\d,]+ decisions/s \\(" + Samples.BODIES.size()
                + " decisions in [\\d.]+ s\\)\\n"), replay.output());
    }

    @Test
    void replayAndVerifyGiveTheirSpeedInJson() throws Exception {
        Path data = decideSamples();
        JsonNode replay = Json.MAPPER.readTree(capture(() -> ReplayCommand.run(List.of("--data-dir", data.toString(),
                "--json"))).output());
        assertEquals(Samples.BODIES.size(), replay.path("decisions").asInt(), replay.toString());
        assertSpeed(replay.path("speed"), "decisions", Samples.BODIES.size());
        JsonNode verify = Json.MAPPER.readTree(capture(() -> VerifyCommand.run(List.of("--data-dir", data.toString(),
                "--json"))).output());
        assertSpeed(verify.path("speed"), "records", verify.path("chain").path("records_checked").asLong());
    }

    private static void assertSpeed(JsonNode speed, String unit, long count) {
        assertEquals(unit, speed.path("unit").asText(), speed.toString());
        assertEquals(count, speed.path("count").asLong(), speed.toString());
        double seconds = speed.path("seconds").asDouble();
        assertTrue(seconds > 0, speed.toString());
        assertEquals(count / seconds, speed.path("per_second").asDouble(), count / seconds * 1e-9, speed.toString());
    }

    private static int indexOfLine(byte[] bytes, int line) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            while (bytes[at] != '\n') {
                at++;
            }
            at++;
        }
        return at;
    }

    private static int indexOf(byte[] bytes, String needle, int from) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = from; i <= bytes.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (bytes[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(needle + " not found");
    }
}
