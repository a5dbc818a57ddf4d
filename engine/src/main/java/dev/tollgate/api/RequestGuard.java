package dev.tollgate.api;

import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The checks every authenticated JSON endpoint makes before it reads the body, in this order, with the same
 * problems as /v1/decide: API key (401), content type (415), size (413), readable body (400).
 */
public final class RequestGuard {
    private final ApplicationRegistry registry;
    private final long maxBodyBytes;

    public RequestGuard(ApplicationRegistry registry, long maxBodyBytes) {
        this.registry = registry;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The application whose key is in the Authorization header, the content type checked, and the body. */
    public record Checked(Application caller, byte[] body) {
    }

    public Checked check(ServerRequest req) {
        Application caller = authenticate(req);
        requireJson(req);
        return new Checked(caller, readBody(req));
    }

    public Application authenticate(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("Send the application's API key as 'Authorization: Bearer <key>'");
        }
        return registry.byApiKey(header.get().substring(7).trim())
                .orElseThrow(() -> unauthorized("The API key is not valid"));
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, "unauthorized", "Unauthorized", detail);
    }

    private static void requireJson(ServerRequest req) {
        Optional<HttpMediaType> type = req.headers().contentType();
        if (type.isEmpty() || !type.get().mediaType().text().equalsIgnoreCase("application/json")) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported media type",
                    "The request body must be application/json");
        }
    }

    private byte[] readBody(ServerRequest req) {
        OptionalLong length = req.headers().contentLength();
        if (length.isPresent() && length.getAsLong() > maxBodyBytes) {
            throw tooLarge();
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge();
            }
            return body;
        } catch (IOException e) {
            throw new ProblemException(400, "malformed-json", "Malformed JSON", "The request body cannot be read");
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "payload-too-large", "Payload too large",
                "The request body exceeds the limit of " + maxBodyBytes + " bytes");
    }
}
