package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.audit.HashChain.Sealed;
import dev.tollgate.audit.VerifyReport.Failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Checks a decision log against the rules in {@link DecisionLog}: every line valid JSON ending in the hash
 * field, every hash recomputing to the stored one, seq counting up from 1 without gaps, every prev_hash
 * naming the record before, segments numbered without gaps. Stops at the first failure.
 * <p>
 * Other checks that need a pass over the log (such as {@link LinkageChecker}) can ride along: they are handed
 * each record once it checked out, so they only ever see an intact prefix of the chain.
 */
public final class ChainVerifier {

    public VerifyReport verify(Path logDir) throws IOException {
        return verify(logDir, entry -> {
        });
    }

    /** Verifies, handing intactRecords every record that checked out, in log order. */
    public VerifyReport verify(Path logDir, Consumer<LogEntry> intactRecords) throws IOException {
        if (!Files.isDirectory(logDir)) {
            return failed(0, HashChain.GENESIS, new Failure(logDir.toString(), 0, -1, "log directory not found"));
        }
        try (LogReader reader = LogReader.open(logDir)) {
            return verify(reader, intactRecords, reader::tornTailBytes);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Verifies one stream of records read from elsewhere (the shared store), in seq order. */
    public VerifyReport verify(Iterator<LogEntry> records, Consumer<LogEntry> intactRecords) {
        return verify(records, intactRecords, () -> 0);
    }

    private static VerifyReport verify(Iterator<LogEntry> records, Consumer<LogEntry> intactRecords,
                                       LongSupplier tornTailBytes) {
        long checked = 0;
        String head = HashChain.GENESIS;
        try {
            while (records.hasNext()) {
                LogEntry entry = records.next();
                Optional<Sealed> sealed = HashChain.unseal(entry.line());
                Optional<Failure> failure = check(entry, sealed, checked + 1, head);
                if (failure.isPresent()) {
                    return failed(checked, head, failure.get());
                }
                checked++;
                intactRecords.accept(entry);
                head = sealed.orElseThrow().storedHash();
            }
            return new VerifyReport(true, checked, head, null, tornTailBytes.getAsLong());
        } catch (LogFormatException e) {
            LogFormatException.Defect defect = e.defect();
            return failed(checked, head,
                    new Failure(defect.file().getFileName().toString(), defect.line(), -1, defect.reason()));
        }
    }

    private static Optional<Failure> check(LogEntry entry, Optional<Sealed> sealed, long expectedSeq,
                                           String prevHash) {
        JsonNode seqNode = entry.json().get("seq");
        long seq = seqNode != null && seqNode.canConvertToExactIntegral() ? seqNode.asLong() : -1;
        String reason = null;
        if (seq < 0) {
            reason = "no seq field";
        } else if (sealed.isEmpty()) {
            reason = "the line does not end with the hash field (,\"hash\":\"<64 lowercase hex>\"})";
        } else if (!sealed.get().intact()) {
            reason = "hash mismatch: record " + seq + " was modified after it was written";
        } else if (seq > expectedSeq) {
            reason = "sequence gap: expected " + expectedSeq + ", found " + seq + " (records missing or out of order)";
        } else if (seq < expectedSeq) {
            reason = "sequence out of order: expected " + expectedSeq + ", found " + seq
                    + " (records repeated or out of order)";
        } else if (!prevHash.equals(entry.json().path("prev_hash").asText())) {
            reason = "prev_hash mismatch: chain broken before record " + seq;
        }
        return Optional.ofNullable(reason)
                .map(r -> new Failure(entry.file().getFileName().toString(), entry.lineNumber(), seq, r));
    }

    private static VerifyReport failed(long checked, String head, Failure failure) {
        return new VerifyReport(false, checked, head, failure, 0);
    }
}
