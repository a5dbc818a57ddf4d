package dev.tollgate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.Json;
import dev.tollgate.terms.Refusal;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Problem+json for what Helidon answers itself, before any route runs: a bad request line, bad headers, a body
 * over Helidon's own limit. Helidon's message is not sent on, as it may quote the request.
 */
public final class ProblemDirectHandler implements DirectHandler {
    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        ProblemException problem = switch (eventType) {
            case BAD_REQUEST -> answer(status, HttpProblem.BAD_REQUEST,
                    "The request is not well-formed HTTP/1.1 (request line, header or framing)");
            case PAYLOAD_TOO_LARGE -> answer(status, HttpProblem.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the server's limit");
            case HTTP_VERSION_NOT_SUPPORTED -> answer(status, HttpProblem.HTTP_VERSION_NOT_SUPPORTED, "Use HTTP/1.1");
            case FORBIDDEN -> answer(status, HttpProblem.FORBIDDEN, "The request was refused before it was routed");
            default -> new ProblemException(status.code(),
                    status.code() >= 500 ? Refusal.Kind.INTERNAL.wire() : HttpProblem.BAD_REQUEST.wire(),
                    status.reasonPhrase(), "The request could not be handled");
        };
        try {
            byte[] body = Json.MAPPER.writeValueAsBytes(problem.toProblem(null));
            headers.set(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE);
            return TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .entity(body)
                    .keepAlive(false)
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Helidon's status stands (a bad request may be answered 431, headers too large); kind and title are ours. */
    private static ProblemException answer(Status status, HttpProblem kind, String detail) {
        return new ProblemException(status.code(), kind.wire(), kind.title(), detail);
    }
}
