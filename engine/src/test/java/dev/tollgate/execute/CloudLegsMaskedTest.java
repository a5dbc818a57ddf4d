package dev.tollgate.execute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.TextHmac;
import dev.tollgate.config.Destination;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.terms.Route;
import dev.tollgate.execute.cloud.CloudSettings;
import dev.tollgate.execute.cloud.OpenAiExecutor;
import dev.tollgate.execute.offline.FileValidationQueue;
import dev.tollgate.execute.offline.ValidationQueue;
import dev.tollgate.latency.ObservedLatencies;
import dev.tollgate.mask.HashKey;
import dev.tollgate.mask.Masker;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.PiiDetector;
import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.pii.ner.NerRecognizer;
import dev.tollgate.policy.Obligation;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Strategy;
import dev.tollgate.testing.EvasionSet;
import dev.tollgate.testing.Leaks;
import dev.tollgate.testing.RecordingCloud;
import dev.tollgate.testing.SensitiveValue;
import dev.tollgate.testing.TestService;
import dev.tollgate.token.DecisionTokens.Terms;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text a cloud leg receives passes the request's masking session, whatever the strategy. The cloud is a
 * recording OpenAI-compatible server on loopback, reached through the real OpenAI client; the on-device model is
 * scripted to leak: it writes the request's values and their parts (in upper case, a name's words, an e-mail's
 * local part, a number's digits unspaced) into its draft. No body the cloud receives may hold any of them.
 *
 * <p>{@link #cases()} lists (text, value, type): a request text and one value in it that must not leave.
 */
class CloudLegsMaskedTest {
    private static final DestinationCatalog CATALOG = new DestinationCatalog(List.of(
            new Destination("slm-local", DestinationKind.SLM, "DE", "on-device", true, false, false, false, null, null),
            new Destination("cloud-eu", DestinationKind.CLOUD, "IE", "cloud", true, false, false, false, null, null)));
    private static final List<String> BOTH = List.of("cloud-eu", "slm-local");
    private static final Route STATIC_CLOUD = new Route("cloud-eu", DestinationKind.CLOUD, Strategy.STATIC, null, null);
    private static PiiDetector detector;

    @TempDir
    Path dir;
    private ObservedLatencies latencies;
    private RecordingCloud cloud;
    private ScriptedExecutor slm;
    private ExecutorRegistry executors;
    private ValidationQueue queue;
    private Validations validations;

    static Stream<Arguments> cases() {
        String maria = "Draft a short reply to Maria Schmidt (maria.schmidt@example.com) confirming her appointment.";
        return Stream.of(
                Arguments.of(maria, "Maria Schmidt", "PERSON"),
                Arguments.of(maria, "maria.schmidt@example.com", "EMAIL_ADDRESS"),
                Arguments.of("Refund the fee to my account DE89 3704 0044 0532 0130 00, thank you.",
                        "DE89 3704 0044 0532 0130 00", "IBAN_CODE"),
                Arguments.of("Please call me back on +49 30 1234567 tomorrow morning.", "+49 30 1234567",
                        "PHONE_NUMBER"),
                Arguments.of("My card 4539 1488 0343 6467 was charged twice for the same order.",
                        "4539 1488 0343 6467", "CREDIT_CARD"));
    }

    @BeforeAll
    static void loadDetector() throws Exception {
        detector = PiiDetector.defaults().with(NerRecognizer.load(NerModelCache.modelFile(TestService.ROOT), 0.5));
    }

    @BeforeEach
    void setUp() throws Exception {
        cloud = RecordingCloud.start();
        slm = new ScriptedExecutor("slm-local");
        OpenAiExecutor openAi = new OpenAiExecutor("cloud-eu", new CloudSettings(cloud.baseUrl(), "cloud-model",
                "test-key", Duration.ofSeconds(10), 0, Duration.ofSeconds(1)));
        executors = new ExecutorRegistry(List.of(slm, openAi),
                Map.of("cloud-eu", new CircuitBreaker(10, Duration.ofMinutes(1), Clock.systemUTC())));
        queue = FileValidationQueue.open(dir.resolve("queue"), dir.resolve("queue.key"));
        validations = TestValidations.of(queue);
        latencies = ObservedLatencies.open(dir.resolve("latency.json"), 20, Duration.ofMinutes(5), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws Exception {
        queue.close();
        executors.close();
        cloud.close();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aStaticCloudRouteSendsNoValueNorPart(String text, String value, String type) throws Exception {
        SensitiveValue sensitive = new SensitiveValue(type, value);
        cloud.answers("Done.");
        run(STATIC_CLOUD, text, sensitive, null);
        assertReceivedNothingOf(sensitive, 1);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aStreamedStaticCloudRouteSendsNoValueNorPart(String text, String value, String type) throws Exception {
        SensitiveValue sensitive = new SensitiveValue(type, value);
        cloud.answers("Done, streamed.");
        List<String> streamed = new ArrayList<>();
        run(STATIC_CLOUD, text, sensitive, streamed::add);
        assertEquals("Done, streamed.", String.join("", streamed));
        assertTrue(cloud.bodies().getFirst().path("stream").asBoolean(), cloud.bodies().toString());
        assertReceivedNothingOf(sensitive, 1);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void aCascadeEscalatesNoValueNorPart(String text, String value, String type) throws Exception {
        SensitiveValue sensitive = new SensitiveValue(type, value);
        slm.answers(leakingDraft(sensitive), 0.2);
        cloud.answers("Done.");
        Answer answer = run(new Route("slm-local", DestinationKind.SLM, Strategy.CASCADE, 0.6, null), text, sensitive, null);
        assertTrue(answer.escalated());
        assertReceivedNothingOf(sensitive, 1);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void draftVerifySendsNoValueNorPartOfTheRequestOrTheDraft(String text, String value, String type)
            throws Exception {
        SensitiveValue sensitive = new SensitiveValue(type, value);
        slm.answers(leakingDraft(sensitive), 0.7);
        cloud.answers("APPROVED");
        Answer answer = run(new Route("slm-local", DestinationKind.SLM, Strategy.DRAFT_VERIFY, null, null), text, sensitive, null);
        assertTrue(answer.escalated());
        assertTrue(lastMessage(cloud.bodies().getFirst()).startsWith("Draft answer:"), "the draft was sent");
        assertReceivedNothingOf(sensitive, 1);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void offlineValidationsSendNoValueNorPartOnceTheCloudIsBack(String text, String value, String type)
            throws Exception {
        SensitiveValue sensitive = new SensitiveValue(type, value);
        cloud.down(true);
        slm.answers(leakingDraft(sensitive), 0.9).answers(leakingDraft(sensitive), 0.9);
        assertTrue(run(STATIC_CLOUD, text, sensitive, null).validationQueued());
        assertTrue(run(new Route("slm-local", DestinationKind.SLM, Strategy.DRAFT_VERIFY, null, null), text, sensitive, null)
                .validationQueued());
        assertTrue(cloud.bodies().isEmpty(), "the cloud was down");

        cloud.down(false);
        try (DecisionLog log = DecisionLog.open(dir.resolve("log"), 1 << 20, Clock.systemUTC())) {
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            OfflineValidator validator = TestValidations.validator(validations, executors,
                    new ExecutionRecords(log, TextHmac.open(dir.resolve("hmac.key"))), registry);
            assertEquals(2.0, registry.get("tollgate.validation.backlog").gauge().value());
            assertEquals(2, validator.drain());
            assertEquals(0.0, registry.get("tollgate.validation.backlog").gauge().value());
            assertEquals(2.0, registry.get("tollgate.validations").tag("destination", "cloud-eu").counters().stream()
                    .mapToDouble(Counter::count).sum(), "both verdicts counted");
        }
        cloud.bodies().forEach(body -> assertTrue(lastMessage(body).startsWith("Draft answer:"), body.toString()));
        assertReceivedNothingOf(sensitive, 2);
    }

    static List<EvasionSet.Case> evasionCases() {
        return EvasionSet.cases();
    }

    /**
     * Every case of the evasion set, through every cloud leg in turn: static, streamed, cascade escalation,
     * draft_verify, and both kinds of offline validation once the cloud is back. The on-device draft repeats the
     * value as the request wrote it, in its plain form, and every part of the plain form.
     */
    @ParameterizedTest
    @MethodSource("evasionCases")
    void noEvasionCaseReachesTheCloudOnAnyLeg(EvasionSet.Case c) throws Exception {
        SensitiveValue plain = new SensitiveValue(c.type(), c.canonical());
        String draft = "Dear " + c.value() + ", " + c.canonical() + ". " + leakingDraft(plain);
        SensitiveValue written = new SensitiveValue(c.type(), c.value());
        slm.answers(draft, 0.2).answers(draft, 0.7).answers(draft, 0.9).answers(draft, 0.9);
        cloud.answers("Done.", "Done, streamed.", "Done.", "APPROVED");
        run(STATIC_CLOUD, c.text(), written, null);
        run(STATIC_CLOUD, c.text(), written, piece -> { });
        assertTrue(run(new Route("slm-local", DestinationKind.SLM, Strategy.CASCADE, 0.6, null), c.text(), written, null).escalated());
        run(new Route("slm-local", DestinationKind.SLM, Strategy.DRAFT_VERIFY, null, null), c.text(), written, null);
        cloud.down(true);
        assertTrue(run(STATIC_CLOUD, c.text(), written, null).validationQueued());
        assertTrue(run(new Route("slm-local", DestinationKind.SLM, Strategy.DRAFT_VERIFY, null, null), c.text(), written, null)
                .validationQueued());
        cloud.down(false);
        try (DecisionLog log = DecisionLog.open(dir.resolve("log"), 1 << 20, Clock.systemUTC())) {
            assertEquals(2, TestValidations.validator(validations, executors,
                    new ExecutionRecords(log, TextHmac.open(dir.resolve("hmac.key")))).drain());
        }
        assertEquals(6, cloud.bodies().size(), "requests the cloud received");
        for (String text : cloud.messageTexts()) {
            assertFalse(Leaks.reveals(text, c), c + ": the cloud received " + text);
        }
    }

    /** A draft that repeats the value and its parts every way {@link SensitiveValue#writings} knows. */
    private static String leakingDraft(SensitiveValue sensitive) {
        return String.join(" ", sensitive.writings()) + " <" + sensitive.type() + "_1> " + sensitive.value()
                + ". Kind regards";
    }

    /**
     * Runs the route on a request whose system prompt names a part of the value, whose user message is the text
     * and whose tool result repeats the value; the cloud leg masks every type found in it, the on-device leg none.
     */
    private Answer run(Route route, String text, SensitiveValue sensitive, Consumer<String> onText)
            throws ExecutionFailedException {
        List<Message> messages = List.of(
                new Message("system", "You answer for the bank. Greet the customer as "
                        + sensitive.writings().getLast() + " and keep it short."),
                new Message("user", text),
                new Message("tool", "crm lookup: " + sensitive.value() + " verified"));
        TreeSet<String> types = new TreeSet<>(List.of(sensitive.type()));
        messages.forEach(m -> detector.recognize(m.content()).stream().map(Finding::type).forEach(types::add));
        List<Obligation> obligations = List.of(new Obligation(ObligationType.MASK, List.copyOf(types), DestinationKind.CLOUD));
        MaskedLegs legs = new MaskedLegs(messages, obligations, detector, new Masker(Map.of(), HashKey.random()));
        StrategyRunner runner = new StrategyRunner(executors, CATALOG, validations, Clock.systemUTC(),
                latencies, (id, destination, answer, nanos) -> {
                });
        String id = "d-" + queue.size();
        return runner.run(new StrategyRunner.Plan(id, "claims", new Terms(route, obligations, BOTH, 0), legs, 64,
                ChatOptions.NONE, System.nanoTime(), "v-" + id), onText);
    }

    private static String lastMessage(JsonNode body) {
        JsonNode messages = body.path("messages");
        return messages.path(messages.size() - 1).path("content").asText();
    }

    private void assertReceivedNothingOf(SensitiveValue sensitive, int requests) {
        assertEquals(requests, cloud.bodies().size(), "requests the cloud received");
        String placeholder = "<" + sensitive.type() + "_1>";
        assertTrue(cloud.messageTexts().stream().anyMatch(t -> t.contains(placeholder)),
                "the value went masked as " + placeholder);
        for (String text : cloud.messageTexts()) {
            assertEquals(List.of(), sensitive.tracesIn(text), "the cloud received: " + text);
        }
    }
}
