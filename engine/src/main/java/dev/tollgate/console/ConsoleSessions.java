package dev.tollgate.console;

import dev.tollgate.api.StaffRole;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's sessions, in memory: a login with an auditor or officer key opens one, named by a random id in an
 * HttpOnly, SameSite=Strict cookie, with its own CSRF token that every POST of the session must carry. Sessions end
 * at logout, after {@link #LIFETIME}, or when the service stops.
 */
final class ConsoleSessions {
    static final Duration LIFETIME = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(StaffRole role, String csrf, Instant expires) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    /** Opens a session; returns its id. */
    String open(StaffRole role) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> session.expires().isBefore(now));
        String id = random();
        sessions.put(id, new Session(role, random(), now.plus(LIFETIME)));
        return id;
    }

    Optional<Session> find(String id) {
        Session session = id == null ? null : sessions.get(id);
        if (session == null || session.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    void close(String id) {
        sessions.remove(id);
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
