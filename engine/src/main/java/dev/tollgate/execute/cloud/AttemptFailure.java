package dev.tollgate.execute.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.execute.ExecutorException;
import dev.tollgate.execute.ExecutorException.Kind;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One failed call to the upstream, classified. Its message names only statuses and exception types, never text
 * from the upstream's answer (an error body or a parser's excerpt may echo the prompt).
 */
final class AttemptFailure extends Exception {

    private final Kind kind;
    private final boolean retryable;
    private final Duration retryAfter;

    AttemptFailure(Kind kind, boolean retryable, Duration retryAfter, String description) {
        super(description, null, false, false);
        this.kind = kind;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /**
     * Classifies what LangChain4j threw. 429, 5xx and connection failures are retryable; a timeout is not
     * (another attempt would double the caller's wait), nor is anything the upstream said that a retry would
     * not change (other 4xx, malformed answers).
     */
    static AttemptFailure of(Throwable thrown) {
        UpstreamStatusException status = find(thrown, UpstreamStatusException.class);
        if (status != null) {
            return ofStatus(status);
        }
        if (find(thrown, InterruptedException.class) != null) {
            return new AttemptFailure(Kind.OVERLOADED, false, null, "interrupted");
        }
        if (find(thrown, java.util.concurrent.TimeoutException.class) != null
                || find(thrown, HttpTimeoutException.class) != null
                || find(thrown, dev.langchain4j.exception.TimeoutException.class) != null) {
            return timeout();
        }
        if (find(thrown, JsonProcessingException.class) != null) {
            return new AttemptFailure(Kind.BAD_RESPONSE, false, null, "malformed answer");
        }
        Throwable connection = find(thrown, IOException.class);
        if (connection == null) {
            connection = find(thrown, UnresolvedAddressException.class);
        }
        if (connection != null) {
            return new AttemptFailure(Kind.UNREACHABLE, true, null,
                    "connection failed (" + connection.getClass().getSimpleName() + ")");
        }
        return new AttemptFailure(Kind.BAD_RESPONSE, false, null,
                "invalid answer (" + thrown.getClass().getSimpleName() + ")");
    }

    static AttemptFailure timeout() {
        return new AttemptFailure(Kind.TIMEOUT, false, null, "no answer within the timeout");
    }

    private static AttemptFailure ofStatus(UpstreamStatusException status) {
        int code = status.statusCode();
        String description = "upstream answered HTTP " + code;
        if (code == 429) {
            Duration wait = status.retryAfter().flatMap(value -> RetryAfter.parse(value, Instant.now())).orElse(null);
            return new AttemptFailure(Kind.RATE_LIMITED, true, wait, description);
        }
        if (code >= 500) {
            return new AttemptFailure(Kind.SERVER_ERROR, true, null, description);
        }
        return new AttemptFailure(Kind.BAD_RESPONSE, false, null, description);
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The same failure, not to be retried: the caller has already been handed part of the answer. */
    AttemptFailure withoutRetry() {
        return new AttemptFailure(kind, false, null, getMessage());
    }

    Kind kind() {
        return kind;
    }

    boolean retryable() {
        return retryable;
    }

    /** The wait the upstream asked for, when it did. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    ExecutorException toExecutorException(int attempts) {
        return new ExecutorException(kind, getMessage() + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"));
    }
}
