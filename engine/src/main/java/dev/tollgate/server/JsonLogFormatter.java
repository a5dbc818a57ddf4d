package dev.tollgate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.terms.RequestIds;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object a line: {@code time} (ISO-8601 with the zone's offset), {@code level}, {@code logger},
 * {@code message}, and {@code request_id} and {@code trace_id} when written while a request is served; a stack
 * trace under {@code exception}. A handler formats on the thread that logs, so the request is the current one.
 */
public final class JsonLogFormatter extends Formatter {
    private final ZoneId zone;

    public JsonLogFormatter() {
        this(ZoneId.systemDefault());
    }

    JsonLogFormatter(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String format(LogRecord record) {
        ObjectNode line = Json.MAPPER.createObjectNode()
                .put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.getInstant().atZone(zone)))
                .put("level", record.getLevel().getName())
                .put("logger", record.getLoggerName())
                .put("message", formatMessage(record));
        RequestIds.current().ifPresent(ids -> line.put("request_id", ids.requestId()).put("trace_id", ids.traceId()));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.put("exception", trace.toString());
        }
        try {
            return Json.MAPPER.writeValueAsString(line) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
