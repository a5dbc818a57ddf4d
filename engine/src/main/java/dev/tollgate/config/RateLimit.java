package dev.tollgate.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An application's rate limits, from the registry; either may be left out (null: no limit).
 *
 * @param requestsPerMinute API requests the application may make per minute (bursts up to this many)
 * @param tokensPerMinute   model tokens (prompt and answer) its executions may use per minute
 */
public record RateLimit(@JsonProperty("requests_per_minute") Integer requestsPerMinute,
                        @JsonProperty("tokens_per_minute") Integer tokensPerMinute) {
}
