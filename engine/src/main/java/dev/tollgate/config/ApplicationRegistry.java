package dev.tollgate.config;

import dev.tollgate.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Registered applications, looked up by id or by API key. Keys are compared as SHA-256 digests; the application a
 * key finds carries the role that key is bound to.
 */
public final class ApplicationRegistry {
    private final Map<String, Application> byId;
    private final Map<String, Application> byKeyHash;
    private final RateLimiter limiter = new RateLimiter(System::nanoTime);

    public ApplicationRegistry(List<Application> applications) {
        this.byId = applications.stream().collect(Collectors.toUnmodifiableMap(Application::id, Function.identity()));
        this.byKeyHash = applications.stream()
                .flatMap(a -> a.keys().stream().map(key -> Map.entry(key.sha256().toLowerCase(), a.calledAs(key.role()))))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<Application> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The application the key belongs to, with {@link Application#callerRole()} the key's role. */
    public Optional<Application> byApiKey(String apiKey) {
        return Optional.ofNullable(byKeyHash.get(sha256(apiKey)));
    }

    /** The applications' rate limits, as far as they are used. */
    public RateLimiter limiter() {
        return limiter;
    }

    public static String sha256(String value) {
        return Sha256.hex(value.getBytes(StandardCharsets.UTF_8));
    }
}
