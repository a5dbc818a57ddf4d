package dev.tollgate.api;

import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.decision.Decision;
import dev.tollgate.decision.DecisionLogUnavailableException;
import dev.tollgate.decision.DecisionService;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * POST /v1/decide. Checks run in this order, and a request that fails any of them changes nothing:
 * API key (401), content type (415), size (413), JSON (400), fields (422), application named in the body (403/422).
 */
public final class DecideHandler implements Handler {
    private final ApplicationRegistry registry;
    private final DecideRequestParser parser;
    private final DecisionService decisions;
    private final ServiceMetrics metrics;
    private final long maxBodyBytes;

    public DecideHandler(ApplicationRegistry registry, DecideRequestParser parser, DecisionService decisions,
                         ServiceMetrics metrics, long maxBodyBytes) {
        this.registry = registry;
        this.parser = parser;
        this.decisions = decisions;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        Application caller = authenticate(req);
        requireJson(req);
        byte[] body = readBody(req);
        DecideRequestParser.Parsed parsed = parser.parse(body);
        checkNamedApplication(caller, parsed.application());
        Decision decision;
        try {
            decision = decisions.decide(caller, parsed.request());
        } catch (DecisionLogUnavailableException e) {
            throw new ProblemException(503, "decision-log-unavailable", "Decision log unavailable",
                    "The decision could not be written durably, so it was not made; retry later");
        }
        metrics.decided(decision, System.nanoTime() - start);
        Responses.json(res, 200, decision);
    }

    private Application authenticate(ServerRequest req) {
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

    private void checkNamedApplication(Application caller, String named) {
        if (named == null || named.equals(caller.id())) {
            return;
        }
        if (registry.byId(named).isPresent()) {
            throw new ProblemException(403, "application-mismatch", "Forbidden",
                    "The API key belongs to '" + caller.id() + "', not to the application named in the body");
        }
        throw new ProblemException(422, "unknown-application", "Unknown application",
                "The application named in the body is not registered");
    }
}
