package dev.tollgate.api;

import dev.tollgate.audit.Checkpoint;
import dev.tollgate.audit.CheckpointKey;
import dev.tollgate.audit.CheckpointStore;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.util.List;

/**
 * GET /v1/audit/checkpoints: the log's signed checkpoints and the public key that checks them, for a witness to
 * keep copies that whoever can write the data directory cannot reach ({@code ./tollgate verify --checkpoints}).
 * Only auditor and officer keys may read them ({@link StaffKeys}): an application key is refused (403).
 */
public final class CheckpointsHandler implements Handler {
    static final String PATH = "/v1/audit/checkpoints";

    private final StaffKeys staff;
    private final CheckpointStore store;
    private final PublicKey publicKey;
    private final String publicKeyPem;

    public CheckpointsHandler(StaffKeys staff, CheckpointStore store, CheckpointKey key) {
        this.staff = staff;
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
        staff.authenticate(req);
        if (!req.query().names().isEmpty()) {
            throw new ProblemException(HttpProblem.BAD_REQUEST, PATH + " takes no query parameters");
        }
        try {
            Responses.json(res, 200, new Checkpoints(CheckpointKey.keyId(publicKey), publicKeyPem, store.all()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
