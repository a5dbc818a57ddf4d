package dev.tollgate.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps every log record of WARNING, or of a given level, or above written while it is open, from any logger of the
 * JVM.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();

    public LogCapture() {
        this(Level.WARNING);
    }

    /** Lowers the root logger to {@code level} while open, so that records of every level down to it are written. */
    public LogCapture(Level level) {
        setLevel(level);
        if (level.intValue() < rootLevel.intValue()) {
            root.setLevel(level);
        }
        root.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
    }

    /** Each record kept as its logger, message, parameters and exception, for searching in. */
    public List<String> everything() {
        return records.stream().map(r -> r.getLoggerName() + " " + r.getMessage() + " "
                + Arrays.toString(r.getParameters()) + " " + r.getThrown()).toList();
    }

    /** "LEVEL logger: message" of each record kept, with whether it carried a stack trace. */
    public List<String> warnings() {
        return records.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                + (r.getThrown() == null ? "" : " [with " + r.getThrown() + "]")).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(rootLevel);
    }
}
