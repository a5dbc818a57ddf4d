package dev.tollgate.audit;

import java.nio.file.Path;

/** The decision log is not in the shape it is written in: a missing segment, a line that is not JSON. */
public final class LogFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Where the log is broken and how; {@code line} is 1-based, 0 when the problem is the file itself. */
    public record Defect(Path file, long line, String reason) {
    }

    private final transient Defect defect;

    public LogFormatException(Path file, long line, String reason) {
        super(file.getFileName() + (line > 0 ? " line " + line : "") + ": " + reason);
        this.defect = new Defect(file, line, reason);
    }

    public Defect defect() {
        return defect;
    }
}
