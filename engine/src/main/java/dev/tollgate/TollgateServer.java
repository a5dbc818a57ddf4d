package dev.tollgate;

import dev.tollgate.api.DecideHandler;
import dev.tollgate.api.DecideRequestParser;
import dev.tollgate.api.HealthHandler;
import dev.tollgate.api.HttpApi;
import dev.tollgate.api.ServiceMetrics;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.classify.SensitivityClassifier;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.decision.DecisionService;
import dev.tollgate.decision.FactsBuilder;
import dev.tollgate.facts.LanguageIdentifier;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyReloader;
import dev.tollgate.policy.drools.DroolsPolicyCompiler;
import io.helidon.webserver.WebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Explicit wiring of the service: every part is built here, in dependency order, and stopped in reverse. */
public final class TollgateServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TollgateServer.class.getName());

    private final DecisionLog log;
    private final PolicyReloader drools;
    private final WebServer server;

    private TollgateServer(DecisionLog log, PolicyReloader drools, WebServer server) {
        this.log = log;
        this.drools = drools;
        this.server = server;
    }

    public static TollgateServer start(TollgateConfig config) throws IOException, PolicyLoadException {
        Path data = config.dataPath();
        Clock clock = Clock.systemUTC();
        DecisionLog log = DecisionLog.open(data.resolve("log"), config.log().segmentBytes(), clock);
        PolicyStore store = new PolicyStore(data.resolve("policy-store"));
        PolicyReloader drools = new PolicyReloader("drools", Path.of(config.policies().droolsDir()),
                new DroolsPolicyCompiler(), Duration.ofMillis(config.policies().reloadIntervalMs()),
                activation -> keep(store, "drools", activation));
        drools.start();

        FactsBuilder facts = new FactsBuilder(new DestinationCatalog(config.destinations()), PiiDetector.defaults(),
                new SensitivityClassifier(), new LanguageIdentifier());
        DecisionService decisions = new DecisionService(facts, List.of(drools::current), log,
                TextHmac.open(data.resolve("keys/hmac.key")), clock, Duration.ofSeconds(config.decisions().ttlSeconds()));
        ApplicationRegistry registry = new ApplicationRegistry(config.applications());
        ServiceMetrics metrics = new ServiceMetrics();
        DecideHandler decide = new DecideHandler(registry, new DecideRequestParser(SensitivityClassifier.CLASSES),
                decisions, metrics, config.server().maxBodyBytes());
        HealthHandler health = new HealthHandler(Map.of("drools", drools), log);

        WebServer server = WebServer.builder()
                .port(config.server().port())
                // Helidon's own limit sits above ours so that oversized bodies get Tollgate's problem+json 413.
                .maxPayloadSize(config.server().maxBodyBytes() * 2)
                .routing(routing -> HttpApi.routing(routing, decide, health, metrics))
                .build()
                .start();
        LOG.log(System.Logger.Level.INFO, "Tollgate listening on port " + server.port() + ", data in " + data
                + ", drools policy " + drools.current().digest());
        return new TollgateServer(log, drools, server);
    }

    /** A version that cannot be stored is not activated: every decision's policy must be replayable. */
    private static void keep(PolicyStore store, String engine, PolicyReloader.Activation activation) {
        try {
            store.put(engine, activation.policy().digest(), activation.dir(), activation.files());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        drools.close();
        log.close();
    }
}
