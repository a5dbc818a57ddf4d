package dev.tollgate.api;

import dev.tollgate.terms.WireValue;

/**
 * The problems only the HTTP layer answers, each with its status and title; its wire value is the problem kind,
 * the last segment of the problem type. A refusal of the domain becomes a problem through {@link RefusalProblems}.
 */
public enum HttpProblem implements WireValue {
    BAD_REQUEST(400, "bad-request", "Bad request"),
    INVALID_UTF8(400, "invalid-utf8", "Invalid UTF-8"),
    MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),
    UNPAIRED_SURROGATE(400, "unpaired-surrogate", "Unpaired surrogate"),
    TRAILING_CONTENT(400, "trailing-content", "Trailing content"),
    UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
    FORBIDDEN(403, "forbidden", "Forbidden"),
    /** The API key belongs to another application than the one the body names. */
    APPLICATION_MISMATCH(403, "application-mismatch", "Forbidden"),
    POLICY_DENIED(403, "policy-denied", "Denied by policy"),
    /** The answer is held until a reviewer approves it (the OpenAI endpoint's answer to a held execution). */
    REVIEW_PENDING(403, "review-pending", "Held for human review"),
    NOT_FOUND(404, "not-found", "Not found"),
    MODEL_NOT_FOUND(404, "model-not-found", "Model not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    ALREADY_REVIEWED(409, "already-reviewed", "Already reviewed"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
    UNKNOWN_APPLICATION(422, "unknown-application", "Unknown application"),
    INVALID_REQUEST(422, "invalid-request", "Invalid request"),
    /** The application used up its requests or tokens per minute; Retry-After says when to try again. */
    RATE_LIMITED(429, "rate-limited", "Too many requests"),
    HTTP_VERSION_NOT_SUPPORTED(505, "http-version-not-supported", "HTTP version not supported");

    private final int status;
    private final String wire;
    private final String title;

    HttpProblem(int status, String wire, String title) {
        this.status = status;
        this.wire = wire;
        this.title = title;
    }

    int status() {
        return status;
    }

    @Override
    public String wire() {
        return wire;
    }

    String title() {
        return title;
    }
}
