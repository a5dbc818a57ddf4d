package dev.tollgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.testing.LoggedRecords;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Shared fixtures for the audit tests: bodies, segment files and the hash rule written out independently. */
public final class TestLogs {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final long ONE_MIB = 1 << 20;

    private TestLogs() {
    }

    static ObjectNode body(long n) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("effect", "allow");
        body.put("note", "record-" + n);
        return body;
    }

    /** Appends count records one after another and returns what was acknowledged. */
    static List<DecisionLog.Appended> appendAll(DecisionLog log, int count) {
        List<DecisionLog.Appended> acks = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            acks.add(log.append(body(log.lastSeq() + 1)).join());
        }
        return acks;
    }

    static Path segment(Path dir, int number) {
        return dir.resolve(String.format("decisions-%06d.jsonl", number));
    }

    public static List<Path> segmentFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("decisions-\\d{6}\\.jsonl")).sorted().toList();
        }
    }

    public static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    public static void writeLines(Path file, List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Where the record with that seq is stored. */
    static LogEntry entry(Path dir, long seq) {
        return LoggedRecords.entries(dir).stream().filter(entry -> entry.json().get("seq").asLong() == seq).findFirst()
                .orElseThrow(() -> new AssertionError("no record with seq " + seq));
    }

    /** The documented hash rule, reimplemented as an auditor would: SHA-256 of the line without its hash field. */
    static String auditorHash(String line) {
        int cut = line.lastIndexOf(",\"hash\":\"");
        return sha256Hex(line.substring(0, cut) + "}");
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
