package dev.tollgate.trail;

import dev.tollgate.audit.CheckedLine;
import dev.tollgate.audit.LogFormatException;
import dev.tollgate.audit.LogLine;
import dev.tollgate.audit.LogRecord;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A record of the log with the time it was appended. */
record LoggedRecord(Instant time, LogRecord record) {
    /** The record a line holds; empty for a line of no record type or no record at all. */
    static Optional<LoggedRecord> of(LogLine line) {
        try {
            CheckedLine checked = CheckedLine.check(line);
            Instant time = Instant.parse(checked.fields().path("time").asText());
            return checked.record().map(record -> new LoggedRecord(time, record));
        } catch (LogFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
