package dev.tollgate.pii.recognizers;

/**
 * A validated match before context scoring.
 *
 * @param needsContext report it only when a context word precedes it (a bare digit run that could be anything)
 */
record Candidate(int start, int end, double score, String explanation, boolean needsContext) {

    Candidate(int start, int end, double score, String explanation) {
        this(start, end, score, explanation, false);
    }
}
