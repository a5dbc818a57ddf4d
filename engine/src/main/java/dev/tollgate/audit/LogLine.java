package dev.tollgate.audit;

import java.nio.file.Path;

/**
 * One line of the decision log exactly as stored, before it is decoded or parsed.
 *
 * @param file       the segment holding it
 * @param lineNumber 1-based within that segment
 * @param bytes      the line without its '\n'
 */
public record LogLine(Path file, long lineNumber, byte[] bytes) {
}
