package dev.tollgate.audit;

import java.util.List;

/**
 * The outcome of {@link CheckpointVerifier}.
 *
 * @param ok                 no checkpoint is forged, contradicted or past the end of the log
 * @param checkpoints        checkpoints read (the data directory's and a witness's)
 * @param publicKey          the key they were checked with and where it came from
 * @param last               the last checkpoint the log reaches, null if none
 * @param recordsAfterLast   records after it, which no checkpoint covers yet
 * @param failures           what is missing or changed, for a person
 * @param missing            why there is nothing to check (null when there are checkpoints)
 */
public record CheckpointReport(boolean ok, int checkpoints, String publicKey, Checkpoint last, long recordsAfterLast,
                               List<String> failures, String missing) {

    public String render() {
        StringBuilder text = new StringBuilder("Checkpoints: ");
        if (missing != null) {
            text.append("NONE: ").append(missing).append(". Records cut off the end of the log and a chain recomputed"
                    + " after a change cannot be detected without them: compare with a witness's copy"
                    + " (--checkpoints FILE)\n");
            return text.toString();
        }
        text.append(ok ? "OK" : "FAILED").append(" (").append(checkpoints).append(" read, public key ")
                .append(publicKey).append(")\n");
        if (last != null) {
            text.append("Last checkpoint: seq ").append(last.seq()).append(" at ").append(last.time())
                    .append(", head hash ").append(last.headHash()).append("; ").append(recordsAfterLast)
                    .append(" records after it\n");
        }
        failures.forEach(failure -> text.append("  ").append(failure).append('\n'));
        return text.toString();
    }
}
