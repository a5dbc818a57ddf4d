package dev.tollgate.execute.cloud;

import dev.langchain4j.exception.HttpException;

import java.util.Optional;

/**
 * A non-2xx answer with the Retry-After header LangChain4j's own HTTP clients drop. The message is only the
 * status: the body may echo the prompt.
 */
final class UpstreamStatusException extends HttpException {

    private final String retryAfter;

    UpstreamStatusException(int statusCode, String retryAfter) {
        super(statusCode, "HTTP " + statusCode);
        this.retryAfter = retryAfter;
    }

    /** The raw Retry-After header value, when the answer had one. */
    Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
