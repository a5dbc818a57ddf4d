package dev.tollgate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.Json;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Writes JSON bodies and problem+json errors; a 401 names the scheme to authenticate with (RFC 9110). */
public final class Responses {
    private static final String CHALLENGE = "Bearer realm=\"tollgate\"";

    private Responses() {
    }

    public static void json(ServerResponse res, int status, Object body) {
        send(res, status, "application/json", body);
    }

    static void problem(ServerResponse res, ProblemException e, String instance) {
        RateLimitedException.retryAfter(res, e);
        send(res, e.status(), Problem.MEDIA_TYPE, e.toProblem(instance));
    }

    private static void send(ServerResponse res, int status, String mediaType, Object body) {
        try {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
            res.status(Status.create(status));
            res.header(HeaderNames.CONTENT_TYPE, mediaType);
            if (status == 401) {
                res.header(HeaderNames.WWW_AUTHENTICATE, CHALLENGE);
            }
            res.send(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
