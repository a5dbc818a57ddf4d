package dev.tollgate.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.audit.HashChain.Sealed;
import dev.tollgate.audit.VerifyReport.Failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Checks a decision log against the rules in {@link DecisionLog}: every line valid JSON ending in the hash
 * field, every hash recomputing to the stored one, seq counting up from 1 without gaps, every prev_hash
 * naming the record before, segments numbered without gaps. Stops at the first failure.
 * <p>
 * Other checks that need a pass over the log (such as {@link LinkageChecker}) can ride along: they are handed
 * each record once it checked out, so they only ever see an intact prefix of the chain.
 * <p>
 * This thread reads the lines; what can be checked of a line on its own ({@link CheckedLine}) is done in batches on
 * one worker per core, at most two batches per worker waiting; the checks that depend on the lines before run here,
 * in log order.
 */
public final class ChainVerifier {
    private static final int WORKERS = Runtime.getRuntime().availableProcessors();
    private static final int BATCH = 512;

    public VerifyReport verify(Path logDir) throws IOException {
        return verify(logDir, line -> {
        });
    }

    /** Verifies, handing intactRecords every record that checked out, in log order. */
    public VerifyReport verify(Path logDir, Consumer<CheckedLine> intactRecords) throws IOException {
        if (!Files.isDirectory(logDir)) {
            return failed(0, HashChain.GENESIS, new Failure(logDir.toString(), 0, -1, "log directory not found"));
        }
        try (LogReader reader = LogReader.open(logDir)) {
            return verify(reader::nextLine, intactRecords, reader::tornTailBytes);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Verifies one stream of records read from elsewhere (the shared store), in seq order. */
    public VerifyReport verify(Iterator<LogEntry> records, Consumer<CheckedLine> intactRecords) {
        try {
            return verify(() -> {
                if (!records.hasNext()) {
                    return null;
                }
                return LogLine.of(records.next());
            }, intactRecords, () -> 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the lines come from, in log order; null after the last. */
    private interface Lines {
        LogLine next() throws IOException;
    }

    private static VerifyReport verify(Lines lines, Consumer<CheckedLine> intactRecords, LongSupplier tornTailBytes)
            throws IOException {
        Chain chain = new Chain(intactRecords);
        Deque<Future<List<Checked>>> pending = new ArrayDeque<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(WORKERS)) {
            List<LogLine> batch = new ArrayList<>(BATCH);
            LogFormatException shape = null;
            boolean more = true;
            while (more) {
                try {
                    LogLine line = lines.next();
                    more = line != null;
                    if (more) {
                        batch.add(line);
                    }
                } catch (LogFormatException e) {
                    // The shape is broken after the lines read so far: those are checked first.
                    shape = e;
                    more = false;
                }
                if (batch.size() == BATCH || !more) {
                    pending.add(workers.submit(checkAll(batch)));
                    batch = new ArrayList<>(BATCH);
                }
                while (pending.size() > (more ? 2 * WORKERS : 0)) {
                    if (!chain.acceptAll(done(pending.poll()))) {
                        pending.forEach(future -> future.cancel(false));
                        return chain.report();
                    }
                }
            }
            if (shape != null) {
                chain.fail(shape);
                return chain.report();
            }
            return new VerifyReport(true, chain.checked, chain.head, null, tornTailBytes.getAsLong());
        }
    }

    /** A line checked on its own, or why it is not a record at all. */
    private record Checked(CheckedLine line, LogFormatException defect) {
    }

    private static Callable<List<Checked>> checkAll(List<LogLine> lines) {
        return () -> {
            List<Checked> checked = new ArrayList<>(lines.size());
            for (LogLine line : lines) {
                try {
                    checked.add(new Checked(CheckedLine.check(line), null));
                } catch (LogFormatException e) {
                    checked.add(new Checked(null, e));
                    break;
                }
            }
            return checked;
        };
    }

    private static List<Checked> done(Future<List<Checked>> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verify interrupted", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** The order-dependent part: where the chain stands after the lines accepted so far. */
    private static final class Chain {
        private final Consumer<CheckedLine> intactRecords;
        private long checked;
        private String head = HashChain.GENESIS;
        private Failure failure;

        Chain(Consumer<CheckedLine> intactRecords) {
            this.intactRecords = intactRecords;
        }

        /** False at the first line that fails. */
        boolean acceptAll(List<Checked> lines) {
            for (Checked line : lines) {
                if (line.defect() != null) {
                    fail(line.defect());
                    return false;
                }
                failure = check(line.line(), checked + 1, head).orElse(null);
                if (failure != null) {
                    return false;
                }
                checked++;
                intactRecords.accept(line.line());
                head = line.line().sealed().orElseThrow().storedHash();
            }
            return true;
        }

        void fail(LogFormatException e) {
            LogFormatException.Defect defect = e.defect();
            failure = new Failure(defect.file().getFileName().toString(), defect.line(), -1, defect.reason());
        }

        VerifyReport report() {
            return failed(checked, head, failure);
        }
    }

    private static Optional<Failure> check(CheckedLine line, long expectedSeq, String prevHash) {
        JsonNode seqNode = line.fields().get("seq");
        long seq = seqNode != null && seqNode.canConvertToExactIntegral() ? seqNode.asLong() : -1;
        Optional<Sealed> sealed = line.sealed();
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
        } else if (!prevHash.equals(line.fields().path("prev_hash").asText())) {
            reason = "prev_hash mismatch: chain broken before record " + seq;
        }
        return Optional.ofNullable(reason)
                .map(r -> new Failure(line.file().getFileName().toString(), line.lineNumber(), seq, r));
    }

    private static VerifyReport failed(long checked, String head, Failure failure) {
        return new VerifyReport(false, checked, head, failure, 0);
    }
}
