package dev.tollgate.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;

/**
 * One record of the decision log as read back.
 *
 * @param file       the segment holding it
 * @param lineNumber 1-based within that segment
 * @param line       the line exactly as stored, without its '\n'
 * @param json       the line parsed
 */
public record LogEntry(Path file, long lineNumber, String line, ObjectNode json) {
}
