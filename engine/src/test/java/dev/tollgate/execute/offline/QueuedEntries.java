package dev.tollgate.execute.offline;

import dev.tollgate.decision.DecideRequest;

import java.time.Instant;
import java.util.List;

/** Entries of the validation queue tests, their prompt and draft naming a word no store may hold in the clear. */
final class QueuedEntries {
    static final String SECRET_WORD = "Quokkafjord";

    private QueuedEntries() {
    }

    static PendingValidation entry(String id, Instant queuedAt) {
        return new PendingValidation(id, "decision-" + id, "claims", "cloud-eu",
                List.of(new DecideRequest.Message("system", "Summarise the claim."),
                        new DecideRequest.Message("user", "<PERSON_1> reported hail damage in " + SECRET_WORD + ".")),
                "A hail damage claim from " + SECRET_WORD + ", roof and car affected.", queuedAt);
    }
}
