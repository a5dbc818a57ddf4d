package dev.tollgate.api;

import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.execute.Execution;
import dev.tollgate.terms.ClientAbortException;
import io.helidon.common.buffers.DataReader.InsufficientDataAvailableException;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The checks every authenticated JSON endpoint makes before it reads the body, in this order, with the same
 * problems as /v1/decide: API key (401), rate limit (429), content type (415), size (413), readable body (400).
 */
public record RequestGuard(ApplicationRegistry registry, long maxBodyBytes) {
    /** The application whose key is in the Authorization header, the content type checked, and the body. */
    public record Checked(Application caller, byte[] body) {
    }

    public Checked check(ServerRequest req) {
        return checked(authenticate(req), req);
    }

    /** As {@link #check}, for the one endpoint a reviewer key may call too. */
    public Checked checkAnyRole(ServerRequest req) {
        return checked(keyHolder(req), req);
    }

    private Checked checked(Application caller, ServerRequest req) {
        return new Checked(caller, jsonBody(req));
    }

    /** The body, after the content type (415) and size (413) checks, for callers authenticated otherwise. */
    public byte[] jsonBody(ServerRequest req) {
        requireJson(req);
        return readBody(req);
    }

    /** The application calling with one of its keys; a reviewer key is refused (403): it only reviews. */
    public Application authenticate(ServerRequest req) {
        Application caller = keyHolder(req);
        if (caller.calledByReviewer()) {
            throw new ProblemException(HttpProblem.FORBIDDEN, "A reviewer key only reviews held answers "
                    + "(/v1/reviews/{id}); call with one of the application's own keys");
        }
        return caller;
    }

    /**
     * The application whose key is in the Authorization header, whatever the key's role, reviewer included; 429 when
     * it has used its rate limit.
     */
    public Application keyHolder(ServerRequest req) {
        Application app = registry.byApiKey(bearer(req)).orElseThrow(() -> unauthorized("The API key is not valid"));
        long wait = registry.limiter().admit(app);
        if (wait > 0) {
            throw new RateLimitedException(wait);
        }
        return app;
    }

    /** Charges the model tokens an execution used to the application's tokens per minute. */
    public void spent(Application app, Execution execution) {
        registry.limiter().spent(app, (long) execution.promptTokens() + execution.completionTokens());
    }

    /** The SHA-256 of the key the request was authenticated with, as the registry lists it. */
    public static String keySha256(ServerRequest req) {
        return ApplicationRegistry.sha256(bearer(req));
    }

    private static String bearer(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("Send the application's API key as 'Authorization: Bearer <key>'");
        }
        return header.get().substring(7).trim();
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(HttpProblem.UNAUTHORIZED, detail);
    }

    /**
     * 415 unless the Content-Type is application/json, with no charset or UTF-8: a missing, empty or unparseable
     * header ("json") is as unsupported as text/plain.
     */
    private static void requireJson(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.CONTENT_TYPE);
        HttpMediaType type;
        try {
            type = HttpMediaType.create(header.orElseThrow(IllegalArgumentException::new).strip());
        } catch (RuntimeException e) {
            throw unsupportedMediaType();
        }
        boolean utf8 = type.charset().map(charset -> charset.equalsIgnoreCase("utf-8")).orElse(true);
        if (!type.mediaType().text().equalsIgnoreCase("application/json") || !utf8) {
            throw unsupportedMediaType();
        }
    }

    private static ProblemException unsupportedMediaType() {
        return new ProblemException(HttpProblem.UNSUPPORTED_MEDIA_TYPE,
                "The request body must be application/json (UTF-8)");
    }

    private byte[] readBody(ServerRequest req) {
        OptionalLong length = req.headers().contentLength();
        if (length.isPresent() && length.getAsLong() > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] body;
        try (InputStream in = req.content().inputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        } catch (IOException | UncheckedIOException | InsufficientDataAvailableException
                 | CloseConnectionException e) {
            // Helidon's ways of saying that the connection ended before the body did.
            throw new ClientAbortException("body", e);
        }
        if (body.length > maxBodyBytes) {
            throw tooLarge();
        }
        return body;
    }

    private ProblemException tooLarge() {
        return new ProblemException(HttpProblem.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + maxBodyBytes + " bytes");
    }
}
