package dev.tollgate.audit;

/**
 * The outcome of {@link ChainVerifier#verify}.
 *
 * @param ok             every record checked out
 * @param recordsChecked records that checked out, in order, before the first failure if any
 * @param headHash       hash of the last record that checked out (64 zeros if none); an auditor compares it
 *                       with a head hash recorded elsewhere to notice records cut off the end
 * @param firstFailure   null when ok
 * @param tornTailBytes  bytes after the last complete line of the last segment: an append that a crash
 *                       interrupted, never acknowledged, so not a failure (0 when verification stopped
 *                       before the end)
 */
public record VerifyReport(boolean ok, long recordsChecked, String headHash, Failure firstFailure,
                           long tornTailBytes) {

    /**
     * @param file   segment file name
     * @param line   1-based line in that file, 0 when the problem is the file itself
     * @param seq    the record's seq, -1 if unknown
     * @param reason what is wrong, for a person
     */
    public record Failure(String file, long line, long seq, String reason) {
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        text.append("Decision log: ").append(ok ? "OK" : "FAILED").append('\n');
        text.append("Records checked: ").append(recordsChecked)
                .append(ok ? "" : " (intact up to the failure)").append('\n');
        text.append("Head hash: ").append(headHash).append('\n');
        if (tornTailBytes > 0) {
            text.append("Torn tail: ").append(tornTailBytes)
                    .append(" bytes after the last complete record (an append cut short by a crash,"
                            + " never acknowledged)\n");
        }
        if (firstFailure != null) {
            text.append("First failure: ").append(firstFailure.file());
            if (firstFailure.line() > 0) {
                text.append(" line ").append(firstFailure.line());
            }
            if (firstFailure.seq() >= 0) {
                text.append(" (seq ").append(firstFailure.seq()).append(')');
            }
            text.append(": ").append(firstFailure.reason()).append('\n');
        }
        return text.toString();
    }
}
