package dev.tollgate.audit;

import java.nio.file.Path;

/** The decision log is not in the shape it is written in: a missing segment, a line that is not JSON. */
public final class LogFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final String reason;

    /** @param line 1-based line in file, 0 when the problem is the file itself */
    public LogFormatException(Path file, long line, String reason) {
        super(file.getFileName() + (line > 0 ? " line " + line : "") + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    public long line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
