package dev.tollgate.facts;

import dev.tollgate.pii.Finding;

/**
 * A finding as reported to the caller and logged: where in which message, never the value.
 * Offsets count UTF-16 code units of that message's content.
 */
public record EntityFinding(String type, int message, int start, int end, double score, String source) {
    public static EntityFinding of(int message, Finding f) {
        return new EntityFinding(f.type(), message, f.start(), f.end(), f.score(), f.source());
    }
}
