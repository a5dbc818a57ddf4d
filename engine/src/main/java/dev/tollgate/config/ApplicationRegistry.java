package dev.tollgate.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Registered applications, looked up by id or by API key. Keys are compared as SHA-256 digests. */
public final class ApplicationRegistry {
    private final Map<String, Application> byId;
    private final Map<String, Application> byKeyHash;

    public ApplicationRegistry(List<Application> applications) {
        this.byId = applications.stream().collect(Collectors.toUnmodifiableMap(Application::id, Function.identity()));
        this.byKeyHash = applications.stream()
                .collect(Collectors.toUnmodifiableMap(a -> a.apiKeySha256().toLowerCase(), Function.identity()));
    }

    public Optional<Application> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Application> byApiKey(String apiKey) {
        return Optional.ofNullable(byKeyHash.get(sha256(apiKey)));
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
