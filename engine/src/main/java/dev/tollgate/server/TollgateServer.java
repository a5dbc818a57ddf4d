package dev.tollgate.server;

import dev.tollgate.api.Alarms;
import dev.tollgate.api.CheckpointsHandler;
import dev.tollgate.api.DecideHandler;
import dev.tollgate.api.DecideRequestParser;
import dev.tollgate.api.ExecuteHandler;
import dev.tollgate.api.HealthHandler;
import dev.tollgate.api.HttpApi;
import dev.tollgate.api.MaskHandler;
import dev.tollgate.api.RequestGuard;
import dev.tollgate.api.ReviewHandler;
import dev.tollgate.api.StaffKeys;
import dev.tollgate.api.ProblemDirectHandler;
import dev.tollgate.api.ServiceMetrics;
import dev.tollgate.api.UsageHandler;
import dev.tollgate.api.ValidationsHandler;
import dev.tollgate.api.openai.ChatCompletionsHandler;
import dev.tollgate.api.openai.ModelsHandler;
import dev.tollgate.api.openai.OpenAiRoutes;
import dev.tollgate.audit.CheckpointStore;
import dev.tollgate.audit.CheckpointKey;
import dev.tollgate.audit.Checkpointer;
import dev.tollgate.audit.DataDirLock;
import dev.tollgate.audit.DecisionStore;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.audit.PostgresPolicyStore;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.classify.CategoryResolver;
import dev.tollgate.console.AuditApi;
import dev.tollgate.console.AuditViews;
import dev.tollgate.console.ConsoleRoutes;
import dev.tollgate.console.ConsoleViews;
import dev.tollgate.console.Overview;
import dev.tollgate.classify.ModelIntentClassifier;
import dev.tollgate.classify.ProhibitedPracticeClassifier;
import dev.tollgate.classify.SensitivityClassifier;
import dev.tollgate.classify.TaskTypeClassifier;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.config.Destination;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.config.TollgateConfig;
import dev.tollgate.decision.DecisionService;
import dev.tollgate.decision.FactsBuilder;
import dev.tollgate.decision.LogicVersions;
import dev.tollgate.facts.LanguageIdentifier;
import dev.tollgate.execute.ExecuteService;
import dev.tollgate.execute.ExecutionRecords;
import dev.tollgate.execute.ExecutorFactory;
import dev.tollgate.execute.ExecutorGauges;
import dev.tollgate.execute.ExecutorRegistry;
import dev.tollgate.execute.usage.UsageLedger;
import dev.tollgate.execute.OfflineValidator;
import dev.tollgate.execute.ValidationMetrics;
import dev.tollgate.execute.review.ReviewDesk;
import dev.tollgate.execute.KeptAnswers;
import dev.tollgate.execute.ValidationWebhook;
import dev.tollgate.execute.Validations;
import dev.tollgate.execute.offline.ValidationQueue;
import dev.tollgate.execute.offline.ValidationRetry;
import dev.tollgate.execute.offline.ValidationStatuses;
import dev.tollgate.latency.ObservedLatencies;
import dev.tollgate.execute.slm.SlmExecutor;
import dev.tollgate.mask.HashKey;
import dev.tollgate.mask.Masker;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.token.DecisionTokens;
import dev.tollgate.trail.AuditTrail;
import dev.tollgate.trail.ChainStatus;
import dev.tollgate.trail.TrailSource;
import dev.tollgate.trail.WhatIf;
import dev.tollgate.token.TokenKeys;
import dev.tollgate.pii.ner.NerRecognizer;
import dev.tollgate.pii.presidio.LocalAndPresidio;
import dev.tollgate.pii.presidio.PresidioClient;
import dev.tollgate.pii.presidio.PresidioMode;
import dev.tollgate.pii.presidio.PresidioRecognizer;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyReloader;
import dev.tollgate.policy.CompiledPolicy;
import io.helidon.http.DirectHandler;
import io.micrometer.core.instrument.FunctionCounter;
import io.helidon.webserver.WebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Logger;

/** Explicit wiring of the service: every part is built here, in dependency order, and stopped in reverse. */
public final class TollgateServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TollgateServer.class.getName());
    /** The NER probability below which a span is not reported (chosen on eval/dev.jsonl, docs/pii.md). */
    private static final double NER_MIN_SCORE = 0.5;

    private final DataDirLock lock;
    private final Stores stores;
    private final Checkpointer checkpointer;
    private final List<PolicyReloader> engines;
    private final ExecutorRegistry executors;
    private final OfflineValidator validator;
    private final ValidationQueue validations;
    private final WebServer server;
    private final ServiceMetrics metrics;

    private TollgateServer(DataDirLock lock, Stores stores, Checkpointer checkpointer, List<PolicyReloader> engines,
                           ExecutorRegistry executors, OfflineValidator validator, ValidationQueue validations,
                           WebServer server, ServiceMetrics metrics) {
        this.lock = lock;
        this.stores = stores;
        this.checkpointer = checkpointer;
        this.engines = engines;
        this.executors = executors;
        this.validator = validator;
        this.validations = validations;
        this.server = server;
        this.metrics = metrics;
    }

    public static TollgateServer start(TollgateConfig config) throws IOException, PolicyLoadException {
        return start(config, System::getenv);
    }

    /**
     * Takes the data directory's lock before anything in it is opened.
     *
     * @param secrets reads the environment variables named in the configuration as holding API keys, and
     *                {@value CheckpointKey#KEY_VARIABLE}
     * @throws DataDirLock.HeldException when another service holds the data directory
     */
    public static TollgateServer start(TollgateConfig config, Function<String, String> secrets)
            throws IOException, PolicyLoadException {
        return start(config, secrets, Clock.systemUTC());
    }

    /** @param clock what every part of the service reads the time from: a test's clock moves decision tokens on */
    public static TollgateServer start(TollgateConfig config, Function<String, String> secrets, Clock clock)
            throws IOException, PolicyLoadException {
        DataDirLock lock = DataDirLock.acquire(config.dataPath());
        try {
            return start(config, secrets, clock, lock);
        } catch (IOException | PolicyLoadException | RuntimeException | Error e) {
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static TollgateServer start(TollgateConfig config, Function<String, String> secrets, Clock clock,
                                        DataDirLock lock) throws IOException, PolicyLoadException {
        logFormat(config.logging().format());
        Path data = config.dataPath();
        DestinationCatalog catalog = new DestinationCatalog(config.destinations());
        Stores stores = Stores.open(config, catalog, clock);
        DecisionStore log = stores.log();
        TollgateConfig.Audit audit = config.audit();
        CheckpointKey signing = CheckpointKey.load(Optional.ofNullable(secrets.apply(CheckpointKey.KEY_VARIABLE)),
                CheckpointKey.file(audit.signingKeyFile(), secrets));
        CheckpointStore checkpoints = stores.checkpoints();
        Checkpointer checkpointer = new Checkpointer(stores.stream(), log, signing, checkpoints,
                audit.checkpointEveryRecords(), Duration.ofSeconds(audit.checkpointEverySeconds()), clock).start();
        PolicyStore store = new PolicyStore(data.resolve("policy-store"));
        Optional<PostgresPolicyStore> sharedPolicies = stores.policies(clock);
        Map<String, PolicyReloader> reloaders = new LinkedHashMap<>();
        Detection detection;
        ExecutorRegistry executors;
        FactsBuilder facts;
        ServiceMetrics metrics = new ServiceMetrics();
        UsageLedger usage;
        ValidationStatuses validationStatuses;
        TollgateConfig.LatencyWindow window = config.execution().latencyWindow();
        ObservedLatencies latencies = ObservedLatencies.open(data.resolve("latency-summary.json"), window.calls(),
                Duration.ofMillis(window.maxAgeMs()), clock);
        try (ParallelStart start = new ParallelStart()) {
            List<Future<?>> compiled = new ArrayList<>();
            for (String mode : config.policies().engines()) {
                PolicyEngines engine = PolicyEngines.of(mode);
                PolicyReloader reloader = new PolicyReloader(engine.engine(), engine.directory(config.policies()),
                        engine.compiler(config.policies(), data), Duration.ofMillis(config.policies().reloadIntervalMs()),
                        activation -> {
                            keep(store, sharedPolicies, engine.engine(), activation);
                            metrics.policyActivated(activation.policy());
                        });
                compiled.add(start.submit(mode + " policy", () -> {
                    reloader.start();
                    return null;
                }));
                reloaders.put(mode, reloader);
            }
            // One detector for /v1/decide and /v1/mask, so that masking covers what a decision reported.
            Future<Detection> detecting = start.submit("PII detectors", () -> detection(config.pii()));
            Future<ExecutorRegistry> executing = start.submit("executors", () -> ExecutorFactory.create(config, secrets, clock));
            Future<SensitivityClassifier> sensitivity = start.submit("sensitivity model", SensitivityClassifier::new);
            Future<LanguageIdentifier> language = start.submit("language model", LanguageIdentifier::new);
            Future<ProhibitedPracticeClassifier> prohibited = start.submit("prohibited practices", ProhibitedPracticeClassifier::new);
            Future<UsageLedger> counting = start.submit("usage", () -> UsageLedger.over(stores.usage(data.resolve("log"),
                    catalog), catalog, config.applications(), clock, metrics.registry()));
            Future<ValidationStatuses> validationsEnded = start.submit("validations", () -> ValidationStatuses.fromLog(
                    data.resolve("log"), stores.validationStatuses()));
            for (Future<?> engine : compiled) {
                ParallelStart.join(engine);
            }
            detection = ParallelStart.join(detecting);
            executors = ParallelStart.join(executing);
            usage = ParallelStart.join(counting);
            validationStatuses = ParallelStart.join(validationsEnded);
            facts = new FactsBuilder(catalog, detection.detector(), ParallelStart.join(sensitivity),
                    ParallelStart.join(language), ParallelStart.join(prohibited),
                    new TaskTypeClassifier(intentModel(config, catalog, executors)), usage::exhausted, latencies::p95Ms);
        }
        PiiDetector pii = detection.detector();
        List<Supplier<CompiledPolicy>> current = reloaders.values().stream()
                .<Supplier<CompiledPolicy>>map(r -> r::current).toList();
        TextHmac hmac = TextHmac.open(data.resolve("keys/hmac.key"));
        DecisionTokens tokens = new DecisionTokens(TokenKeys.open(data.resolve("keys/token-keys"), clock), clock);
        Duration decisionTtl = Duration.ofSeconds(config.decisions().ttlSeconds());
        TollgateConfig.Reviews held = config.execution().reviews();
        ReviewDesk reviews = new ReviewDesk(log, hmac, clock, Duration.ofMillis(held.keepMs()), held.capacity(),
                decisionTtl);
        DecisionService decisions = new DecisionService(facts, current, log, hmac, tokens, clock,
                decisionTtl, onDeviceInputLimits(config, catalog),
                LogicVersions.of(Optional.of(config.pii().nerModel()).filter(m -> !m.isBlank()).map(Path::of)),
                config.policies().allEnginesEvery(), reviews::decided);
        ApplicationRegistry registry = new ApplicationRegistry(config.applications());
        latencies.register(metrics.registry(), catalog.destinations().stream().map(Destination::id).toList());
        reviews.register(metrics.registry());
        FunctionCounter.builder("tollgate.engine.disagreements", decisions, DecisionService::engineDisagreements)
                .description("Decisions evaluated by all engines on which the first engine alone decided otherwise")
                .register(metrics.registry());
        reloaders.forEach((mode, reloader) -> FunctionCounter.builder("tollgate.policy.reload.failures", reloader,
                        PolicyReloader::failedReloads)
                .description("Policy versions an engine did not activate (they kept the previous one)")
                .tag("engine", mode).register(metrics.registry()));
        metrics.registerAtZero(catalog.destinations().stream().map(Destination::id).toList());
        ExecutorGauges.register(metrics.registry(), executors);
        DecideRequestParser decideParser = new DecideRequestParser(CategoryResolver.CATEGORIES);
        DecideHandler decide = new DecideHandler(registry, decideParser, decisions, metrics,
                config.server().maxBodyBytes());
        HashKey hashKey = HashKey.open(data.resolve("keys/mask-hash.key"));
        MaskHandler mask = new MaskHandler(registry, pii, hashKey, config.server().maxBodyBytes());
        TollgateConfig.Execution execution = config.execution();
        ValidationQueue validations = stores.validationQueue(data.resolve("validation-queue"),
                data.resolve("keys/validation-queue.key"));
        Alarms alarms = new Alarms(catalog.destinations(), config.applications(), usage, latencies, validations::size);
        alarms.register(metrics.registry(), log);
        HealthHandler health = new HealthHandler(reloaders, log, detection.required(), alarms);
        TollgateConfig.Validations validating = execution.validations();
        Validations offline = new Validations(validations, validationStatuses.queuedIn(validations),
                new KeptAnswers(Duration.ofMillis(validating.correctionsKeptMs()), validating.correctionsKept(), clock),
                validating.correctionsKept(), new ValidationWebhook(registry));
        ExecutionRecords records = new ExecutionRecords(log, hmac);
        ExecuteService executions = ExecuteService.create(decisions, tokens, records, stores.used(), pii,
                new Masker(Map.of(), hashKey), executors, catalog, offline, latencies, metrics.registry(),
                execution.disclosure(), clock, metrics::decided, usage, reviews);
        ExecuteHandler execute = new ExecuteHandler(registry, executions, config.server().maxBodyBytes(),
                execution.defaultMaxTokens());
        ChatCompletionsHandler chat = new ChatCompletionsHandler(registry, decideParser, executions, metrics,
                config.server().maxBodyBytes(), execution.defaultMaxTokens());
        ModelsHandler models = new ModelsHandler(registry, metrics, List.of());
        Duration firstWait = Duration.ofMillis(execution.validationRetryMs());
        ValidationMetrics validationMetrics = new ValidationMetrics(metrics.registry(), validations,
                executors.cloudDestinations());
        OfflineValidator validator = new OfflineValidator(offline, executors, records, usage, validationMetrics,
                execution.defaultMaxTokens(), new ValidationRetry(firstWait,
                Duration.ofMillis(validating.longestWaitMs()), validating.maxAttempts()), clock);
        validator.start(firstWait);

        TrailSource trailSource = stores.shared().map(shared -> TrailSource.of(shared.store().dataSource()))
                .orElseGet(() -> TrailSource.of(data.resolve("log")));
        AuditTrail trail = new AuditTrail(trailSource);
        AuditViews auditViews = new AuditViews(trail, new WhatIf(trail, store, PolicyEngines.replayCompilers()), store);
        WebServer server = WebServer.builder()
                .host(config.server().host())
                .port(config.server().port())
                // Helidon's own limit sits above ours so that oversized bodies get Tollgate's problem+json 413.
                .maxPayloadSize(config.server().maxBodyBytes() * 2)
                .directHandlers(direct -> {
                    ProblemDirectHandler problems = new ProblemDirectHandler();
                    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                        direct.addHandler(type, problems);
                    }
                })
                .routing(routing -> {
                    StaffKeys staff = new StaffKeys(audit.auditorKeysSha256(), audit.officerKeysSha256(), registry);
                    new CheckpointsHandler(staff, checkpoints, signing).register(routing);
                    new AuditApi(staff, auditViews, new RequestGuard(registry, config.server().maxBodyBytes()))
                            .register(routing);
                    new ConsoleRoutes(staff, new ConsoleViews(auditViews, new Overview(trail, usage,
                            config.applications(), () -> alarms.firing(log.writable()), checkpoints,
                            new ChainStatus(trailSource, clock))),
                            config.server().maxBodyBytes()).register(routing);
                    OpenAiRoutes.register(routing, chat, models);
                    HttpApi.routing(routing, decide, execute, mask, health, metrics,
                            new UsageHandler(registry, usage),
                            new ReviewHandler(registry, reviews, config.server().maxBodyBytes()),
                            new ValidationsHandler(registry, offline));
                })
                .build()
                .start();
        TollgateServer tollgate = new TollgateServer(lock, stores, checkpointer, List.copyOf(reloaders.values()),
                executors, validator, validations, server, metrics);
        if (!server.isRunning()) {
            // Helidon logs the cause (a port in use, an address not on this host) and returns a stopped server.
            tollgate.close();
            throw new NotListeningException(config.server().host(), config.server().port());
        }
        // Deciding does not need the on-device model: it loads once the service listens (a generation waits for it).
        executors.executors().stream().filter(SlmExecutor.class::isInstance).map(SlmExecutor.class::cast)
                .forEach(SlmExecutor::startLoading);
        LOG.log(System.Logger.Level.INFO, "Tollgate listening on " + config.server().host() + " port " + server.port() + ", data in " + data
                + ", engines " + reloaders.keySet());
        return tollgate;
    }

    /** The server could not take its address: a service that looks started but answers nothing is worse. */
    public static final class NotListeningException extends RuntimeException {
        NotListeningException(String host, int port) {
            super("cannot listen on " + host + " port " + port + " (in use by another process, or not an address "
                    + "of this host); nothing was started");
        }
    }

    /** Text lines stay as logging.properties writes them; JSON is set on every handler of the root logger. */
    private static void logFormat(TollgateConfig.LogFormat format) {
        if (format == TollgateConfig.LogFormat.JSON) {
            for (Handler handler : Logger.getLogger("").getHandlers()) {
                handler.setFormatter(new JsonLogFormatter());
            }
        }
    }

    /**
     * Stage 2b of the derived task: the first on-device model, when the routing policy gives it a budget and it is
     * loaded; null otherwise.
     */
    private static ModelIntentClassifier intentModel(TollgateConfig config, DestinationCatalog catalog,
                                                     ExecutorRegistry executors) {
        long budget = config.policies().intentModelBudgetMs();
        if (budget == 0) {
            return null;
        }
        return catalog.destinations().stream().filter(d -> d.kind() == DestinationKind.SLM)
                .map(d -> executors.executor(d.id())).flatMap(Optional::stream)
                .filter(SlmExecutor.class::isInstance).map(SlmExecutor.class::cast).findFirst()
                .map(model -> {
                    model.awaitLoaded(); // decisions ask it: ready must mean able to decide as with it loaded
                    return new ModelIntentClassifier(model::choose, Duration.ofMillis(budget));
                }).orElse(null);
    }

    /** The detector, and the health probe of each detector it cannot decide without. */
    private record Detection(PiiDetector detector, Map<String, BooleanSupplier> required) {
    }

    private static Detection detection(TollgateConfig.Pii config) throws IOException {
        PiiDetector local = PiiDetector.defaults();
        if (config.nerModel().isBlank()) {
            LOG.log(System.Logger.Level.WARNING, "No NER model configured: PERSON by context rules only, no "
                    + "LOCATION or ORGANIZATION; run scripts/train-ner.sh and set TOLLGATE_NER_MODEL");
        } else {
            local = local.with(NerRecognizer.load(Path.of(config.nerModel()), NER_MIN_SCORE));
        }
        TollgateConfig.Presidio presidio = config.presidio();
        PresidioMode mode = PresidioMode.parse(presidio.mode());
        if (mode == PresidioMode.OFF) {
            return new Detection(local, Map.of());
        }
        PresidioClient client = new PresidioClient(URI.create(presidio.url()), Duration.ofMillis(presidio.timeoutMs()));
        return new Detection(LocalAndPresidio.merging(local, new PresidioRecognizer(client, mode, "en")),
                mode == PresidioMode.REQUIRED ? Map.of(PresidioClient.SOURCE, client::health) : Map.of());
    }

    /**
     * How many estimated input tokens each on-device destination takes: its context, less the default answer's
     * tokens, less a quarter for the estimate's error (TokenCounter is within about 20% of real tokenizers, and
     * the chat template adds a few tokens per message). Longer inputs are routed elsewhere or refused at decide
     * time (docs/api.md).
     */
    static Map<String, Integer> onDeviceInputLimits(TollgateConfig config, DestinationCatalog catalog) {
        int limit = (config.execution().slm().contextSize() - config.execution().defaultMaxTokens()) * 3 / 4;
        Map<String, Integer> limits = new LinkedHashMap<>();
        catalog.destinations().stream().filter(d -> d.kind() == DestinationKind.SLM).forEach(d -> limits.put(d.id(), limit));
        return limits;
    }

    /**
     * A version that cannot be stored is not activated: every decision's policy must be replayable. In a shared
     * store it goes there too, from the data directory's checked copy.
     */
    private static void keep(PolicyStore store, Optional<PostgresPolicyStore> shared, String engine,
                             PolicyReloader.Activation activation) {
        String digest = activation.policy().digest();
        try {
            store.put(engine, digest, activation.dir(), activation.files());
            if (shared.isPresent()) {
                shared.get().activated(engine, digest, store.get(engine, digest).orElseThrow(), activation.files());
            }
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
        metrics.close();
        validator.close();
        try {
            validations.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "validation queue: releasing its lock failed", e);
        }
        executors.close();
        engines.forEach(PolicyReloader::close);
        stores.log().close();
        checkpointer.close();
        stores.closeShared();
        try {
            lock.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "data directory: releasing its lock failed", e);
        }
    }
}
