package dev.tollgate.mask;

/**
 * One masked entity in the masked text: what replaced it and where that replacement now stands.
 * Offsets count UTF-16 code units (Java String indices) of the masked text, start inclusive, end exclusive.
 *
 * @param replacement the text that now stands there, e.g. {@code <PERSON_1>}; never the original value
 */
public record MaskedSpan(String type, Operator operator, String replacement, int start, int end) {
}
