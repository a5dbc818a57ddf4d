package dev.tollgate.trail;

import dev.tollgate.audit.LogRecord;

import java.time.Instant;

/** A record of the log with the time it was appended. */
record LoggedRecord(Instant time, LogRecord record) {
}
