package dev.tollgate.execute;

import dev.tollgate.config.Destination;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.execute.cloud.CloudSettings;
import dev.tollgate.execute.cloud.OpenAiExecutor;
import dev.tollgate.execute.slm.SlmExecutor;
import dev.tollgate.execute.slm.SlmSettings;
import dev.tollgate.terms.DestinationKind;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds an executor for every destination of the catalog that can have one: the on-device model for "slm"
 * destinations (when a GGUF is configured), an OpenAI-compatible client for "cloud" destinations with a base URL,
 * and a circuit breaker for every cloud destination.
 */
public final class ExecutorFactory {
    private static final System.Logger LOG = System.getLogger(ExecutorFactory.class.getName());
    /** Longest wait a server's Retry-After may impose on one request. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(10);

    private ExecutorFactory() {
    }

    /** @param secrets reads the environment variables that hold API keys */
    public static ExecutorRegistry create(TollgateConfig config, Function<String, String> secrets, Clock clock)
            throws IOException {
        TollgateConfig.Execution execution = config.execution();
        List<Executor> executors = new ArrayList<>();
        Map<String, CircuitBreaker> breakers = new HashMap<>();
        try {
            for (Destination d : config.destinations()) {
                if (d.kind() == DestinationKind.SLM) {
                    slm(d, execution.slm(), executors);
                } else {
                    breakers.put(d.id(), new CircuitBreaker(execution.cloudCircuit().failureThreshold(),
                            Duration.ofMillis(execution.cloudCircuit().openMs()), clock));
                    cloud(d, secrets, executors);
                }
            }
        } catch (IOException | RuntimeException e) {
            executors.forEach(Executor::close);
            throw e;
        }
        return new ExecutorRegistry(executors, breakers);
    }

    private static void slm(Destination d, TollgateConfig.Slm slm, List<Executor> executors) throws IOException {
        if (slm.model().isBlank()) {
            LOG.log(Level.WARNING, "No on-device model configured: '" + d.id() + "' cannot answer; run "
                    + "scripts/slm-model.sh and set TOLLGATE_SLM_MODEL");
            return;
        }
        executors.add(SlmExecutor.load(d.id(), new SlmSettings(Path.of(slm.model()), slm.contextSize(),
                slm.threads(), slm.queueCapacity(), Duration.ofMillis(slm.queueTimeoutMs()))));
    }

    private static void cloud(Destination d, Function<String, String> secrets, List<Executor> executors) {
        Destination.Endpoint endpoint = d.endpoint();
        if (endpoint == null || endpoint.baseUrl() == null || endpoint.baseUrl().isBlank()) {
            LOG.log(Level.INFO, "Cloud destination '" + d.id() + "' has no endpoint configured: it counts as "
                    + "unreachable");
            return;
        }
        String key = endpoint.apiKeyEnv() == null ? null : secrets.apply(endpoint.apiKeyEnv());
        executors.add(new OpenAiExecutor(d.id(), new CloudSettings(endpoint.baseUrl(), endpoint.model(),
                key == null ? "" : key, Duration.ofMillis(endpoint.timeoutMs()), endpoint.maxRetries(),
                MAX_RETRY_AFTER)));
    }
}
