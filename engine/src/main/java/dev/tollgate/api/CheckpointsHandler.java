package dev.tollgate.api;

import dev.tollgate.audit.Checkpoint;
import dev.tollgate.audit.CheckpointKey;
import dev.tollgate.audit.CheckpointStore;
import dev.tollgate.config.ApplicationRegistry;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * GET /v1/audit/checkpoints: the log's signed checkpoints and the public key that checks them, for a witness to
 * keep copies that whoever can write the data directory cannot reach ({@code ./tollgate verify --checkpoints}).
 * Only auditor keys ({@code audit.auditor_keys_sha256}) may read them: an application key is refused (403).
 */
public final class CheckpointsHandler implements Handler {
    static final String PATH = "/v1/audit/checkpoints";

    private final Set<String> auditorKeysSha256;
    private final ApplicationRegistry applications;
    private final CheckpointStore store;
    private final PublicKey publicKey;
    private final String publicKeyPem;

    public CheckpointsHandler(List<String> auditorKeysSha256, ApplicationRegistry applications, CheckpointStore store,
                              CheckpointKey key) {
        this.auditorKeysSha256 = Set.copyOf(auditorKeysSha256);
        this.applications = applications;
        this.store = store;
        this.publicKey = key.publicKey();
        this.publicKeyPem = key.publicKeyPem();
    }

    record Checkpoints(String keyId, String publicKey, List<Checkpoint> checkpoints) {
    }

    /** Registers GET (and 405 for any other method) ahead of the routes that answer everything else. */
    public void register(HttpRouting.Builder routing) {
        routing.get(PATH, this).any(PATH, (req, res) -> HttpApi.notAllowed(res, "GET", "Use GET for " + PATH));
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        authenticate(req);
        if (!req.query().names().isEmpty()) {
            throw new ProblemException(HttpProblem.BAD_REQUEST, PATH + " takes no query parameters");
        }
        try {
            Responses.json(res, 200, new Checkpoints(CheckpointKey.keyId(publicKey), publicKeyPem, store.all()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void authenticate(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProblemException(HttpProblem.UNAUTHORIZED, "Send an auditor key as 'Authorization: Bearer <key>'");
        }
        String key = header.get().substring(7).trim();
        if (auditorKeysSha256.contains(ApplicationRegistry.sha256(key))) {
            return;
        }
        if (applications.byApiKey(key).isPresent()) {
            throw new ProblemException(HttpProblem.FORBIDDEN,
                    "Checkpoints are for auditors and witnesses: use an auditor key (audit.auditor_keys_sha256), not an"
                            + " application's key");
        }
        throw new ProblemException(HttpProblem.UNAUTHORIZED, "The key is not valid");
    }
}
