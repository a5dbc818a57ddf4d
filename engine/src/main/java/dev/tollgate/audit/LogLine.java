package dev.tollgate.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One line of the decision log exactly as stored, before it is decoded or parsed.
 *
 * @param file       the segment holding it
 * @param lineNumber 1-based within that segment
 * @param bytes      the line without its '\n'
 */
public record LogLine(Path file, long lineNumber, byte[] bytes) {
    /** A line read and parsed elsewhere (a row of the shared store), as stored. */
    public static LogLine of(LogEntry entry) {
        return new LogLine(entry.file(), entry.lineNumber(), entry.line().getBytes(StandardCharsets.UTF_8));
    }
}
