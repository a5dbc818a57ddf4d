package dev.tollgate.api;

import dev.tollgate.config.ApplicationRegistry;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of auditors and officers (audit.auditor_keys_sha256, audit.officer_keys_sha256), compared as SHA-256
 * digests like the applications' keys. An application's key is known and refused (403); any other is not valid
 * (401).
 */
public final class StaffKeys {
    private final Map<String, StaffRole> roles = new HashMap<>();
    private final ApplicationRegistry applications;

    public StaffKeys(List<String> auditorKeysSha256, List<String> officerKeysSha256, ApplicationRegistry applications) {
        auditorKeysSha256.forEach(sha256 -> roles.put(sha256.toLowerCase(), StaffRole.AUDITOR));
        officerKeysSha256.forEach(sha256 -> roles.put(sha256.toLowerCase(), StaffRole.OFFICER));
        this.applications = applications;
    }

    /** The role of the key; 403 for an application's key, 401 for an unknown one. */
    public StaffRole role(String key) {
        StaffRole role = roles.get(ApplicationRegistry.sha256(key));
        if (role != null) {
            return role;
        }
        if (applications.byApiKey(key).isPresent()) {
            throw new ProblemException(HttpProblem.FORBIDDEN, "The audit trail is for auditors and officers: use an "
                    + "auditor or officer key (audit.auditor_keys_sha256, audit.officer_keys_sha256), not an application's");
        }
        throw new ProblemException(HttpProblem.UNAUTHORIZED, "The key is not valid");
    }

    /** The role of the key in the request's {@code Authorization: Bearer} header. */
    public StaffRole authenticate(ServerRequest req) {
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProblemException(HttpProblem.UNAUTHORIZED,
                    "Send an auditor or officer key as 'Authorization: Bearer <key>'");
        }
        return role(header.get().substring(7).trim());
    }
}
