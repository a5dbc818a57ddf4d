package dev.tollgate.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;

/** 429 rate-limited: the application used up its requests or tokens per minute; answered with Retry-After. */
public final class RateLimitedException extends ProblemException {
    private final long retryAfterSeconds;

    RateLimitedException(long retryAfterSeconds) {
        super(HttpProblem.RATE_LIMITED, "The application has used its requests or model tokens for this minute "
                + "(rate_limit in the registry); retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Sets Retry-After when the failure is a rate limit. */
    public static void retryAfter(ServerResponse res, RuntimeException failure) {
        if (failure instanceof RateLimitedException limited) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(limited.retryAfterSeconds));
        }
    }
}
