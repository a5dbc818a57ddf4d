package dev.tollgate.execute.cloud;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one OpenAI-compatible destination.
 *
 * @param baseUrl       up to and including the API version, e.g. {@code https://api.openai.com/v1}
 * @param timeout       longest wait for a whole answer (or, when streaming, for the first byte and between pieces)
 * @param maxRetries    retries after the first attempt for 429, 5xx and connection failures
 * @param maxRetryAfter longest wait before one retry, whatever Retry-After or the backoff asks for
 */
public record CloudSettings(String baseUrl, String model, String apiKey, Duration timeout, int maxRetries,
                            Duration maxRetryAfter) {
    public CloudSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(apiKey, "apiKey");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must not be negative");
        }
    }

    /** Without the API key. */
    @Override
    public String toString() {
        return "CloudSettings[" + baseUrl + ", " + model + ", timeout=" + timeout + ", maxRetries=" + maxRetries
                + ", maxRetryAfter=" + maxRetryAfter + "]";
    }
}
