package dev.tollgate.testing;

import dev.tollgate.TollgateServer;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.policy.PolicyFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A real Tollgate service on a free loopback port with its own data directory, for tests over HTTP. */
public final class TestService implements AutoCloseable {
    public static final Path ROOT = Path.of(System.getProperty("tollgate.root", "..")).toAbsolutePath().normalize();
    public static final Path POLICIES = ROOT.resolve("policies");
    public static final String CLAIMS_KEY = "demo-claims-assistant";

    private final TollgateServer server;
    private final Path dataDir;
    private final HttpClient client = HttpClient.newHttpClient();

    private TestService(TollgateServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    public static TestService start() {
        return start(POLICIES);
    }

    public static TestService start(Path policies) {
        try {
            Path data = Files.createTempDirectory("tollgate-test-data");
            TollgateConfig config = TollgateConfig.load(null, Map.of("TOLLGATE_POLICY_RELOAD_MS", "200"))
                    .withPort(0)
                    .withDataDir(data.toString())
                    .withPoliciesDir(policies.toString());
            return new TestService(TollgateServer.start(config), data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the shipped Drools packs into target, for tests that change them. */
    public static Path copyPolicies(Path target) throws IOException {
        for (Path file : PolicyFiles.list(POLICIES)) {
            Files.createDirectories(target.resolve(file).getParent());
            Files.copy(POLICIES.resolve(file), target.resolve(file));
        }
        return target;
    }

    public Path dataDir() {
        return dataDir;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpResponse<String> decide(String apiKey, String json) {
        return send(HttpRequest.newBuilder(uri("/v1/decide"))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    @Override
    public void close() {
        server.close();
    }
}
