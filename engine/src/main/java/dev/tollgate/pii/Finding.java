package dev.tollgate.pii;

/**
 * One detected entity. Offsets count UTF-16 code units of the input text (Java String indices),
 * start inclusive, end exclusive. Never carries the matched value.
 *
 * @param type        entity type in Presidio's vocabulary, e.g. "PERSON", "EMAIL_ADDRESS", "IBAN_CODE"
 * @param score       confidence in [0, 1]
 * @param source      detector that found it, e.g. "pattern", "opennlp", "presidio"
 * @param explanation why, e.g. "IBAN pattern, mod-97 checksum valid"
 */
public record Finding(String type, int start, int end, double score, String source, String explanation) {
}
