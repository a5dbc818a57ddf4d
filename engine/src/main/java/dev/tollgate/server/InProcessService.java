package dev.tollgate.server;

import dev.tollgate.config.TollgateConfig;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.rego.LocalOpaServer;
import dev.tollgate.policy.rego.OpaBinary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A Tollgate server in this JVM, configured from an environment as {@code serve} reads it (TOLLGATE_PORT 0 for a free
 * loopback port, TOLLGATE_CONFIG for a file laid over the embedded configuration), with an OPA server of its own on
 * TOLLGATE_REGO_DIR when TOLLGATE_ENGINES names rego-remote; and a client for its HTTP API. What the policy scenarios
 * ({@code tollgate policy test}) and the tests start.
 */
public final class InProcessService implements AutoCloseable {
    private final TollgateServer server;
    private final LocalOpaServer opa;
    private final HttpClient client = HttpClient.newHttpClient();

    private InProcessService(TollgateServer server, LocalOpaServer opa) {
        this.server = server;
        this.opa = opa;
    }

    /** @param opaBinary the opa binary, asked for only when the service decides with rego-remote */
    public static InProcessService start(Map<String, String> environment, Supplier<OpaBinary> opaBinary)
            throws IOException, PolicyLoadException {
        return start(environment, opaBinary, Clock.systemUTC());
    }

    /** @param clock the service's clock (TollgateServer#start) */
    public static InProcessService start(Map<String, String> environment, Supplier<OpaBinary> opaBinary, Clock clock)
            throws IOException, PolicyLoadException {
        Map<String, String> env = new HashMap<>(environment);
        LocalOpaServer opa = null;
        try {
            if (env.getOrDefault("TOLLGATE_ENGINES", "").contains(PolicyEngines.REGO_REMOTE.mode())) {
                opa = LocalOpaServer.start(opaBinary.get(), Path.of(env.get("TOLLGATE_REGO_DIR")));
                env.put("TOLLGATE_OPA_URL", opa.url().toString());
            }
            String file = env.get("TOLLGATE_CONFIG");
            TollgateConfig config = TollgateConfig.load(file == null ? null : Path.of(file), env);
            return new InProcessService(TollgateServer.start(config, env::get, clock), opa);
        } catch (IOException | PolicyLoadException | RuntimeException e) {
            if (opa != null) {
                opa.close();
            }
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    /** POSTs a JSON body to path with the API key. */
    public HttpResponse<String> post(String path, String apiKey, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(client, request, HttpResponse.BodyHandlers.ofString());
    }

    /** Sends request with client; an I/O failure as UncheckedIOException, an interrupt as IllegalStateException. */
    public static <T> HttpResponse<T> send(HttpClient client, HttpRequest request,
                                           HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        if (opa != null) {
            opa.close();
        }
    }
}
