package dev.tollgate.replay;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.PolicyStore;
import dev.tollgate.audit.TestLogs;
import dev.tollgate.decision.LogicVersions;
import dev.tollgate.pii.ner.NerModelCache;
import dev.tollgate.server.PolicyEngines;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.drools.DroolsPolicyCompiler;
import dev.tollgate.testing.LoggedRecords;
import dev.tollgate.testing.Samples;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replay re-decides logged decisions: identical under the recorded versions, and explains a candidate's changes. */
class ReplayTest {
    private static final String DENY_FAQ = """
            package tollgate.candidate;

            import dev.tollgate.facts.RequestFacts;

            global dev.tollgate.policy.drools.VerdictCollector verdict;

            rule "gdpr.candidate.no-faq"
                @basis("Candidate policy under review")
                @message("FAQ requests are refused under the candidate policy")
            when
                RequestFacts(taskType == "faq")
            then
                verdict.deny(kcontext);
            end
            """;

    /** The shared samples and a health question about no one, whose facts carry a topic. */
    private static final List<String> BODIES = Stream.concat(Samples.BODIES.stream(),
            Stream.of(Samples.body("reasoning", "DE", "What are the common symptoms of influenza?"))).toList();

    @TempDir
    static Path shared;
    private static Path data;
    private static int faqs;

    @BeforeAll
    static void decideSamples() throws IOException {
        try (TestService service = TestService.start()) {
            data = service.dataDir();
            for (int round = 0; round < 3; round++) {
                for (String body : BODIES) {
                    assertEquals(200, service.decide(TestService.CLAIMS_KEY, body).statusCode());
                }
            }
        }
        faqs = faqReadings();
    }

    /** Decisions read as a FAQ: declared so, or derived so from the text (both readings are evaluated). */
    private static int faqReadings() {
        int count = 0;
        for (JsonNode record : LoggedRecords.json(data.resolve("log"))) {
            JsonNode facts = record.path("facts");
            boolean faq = facts.at("/request/task_type").asText().equals("faq")
                    || facts.at("/content/derived_task_type").asText().equals("faq");
            count += faq ? 1 : 0;
        }
        return count;
    }

    private static Replayer replayer() {
        return new Replayer(new PolicyStore(data.resolve("policy-store")), PolicyEngines.replayCompilers());
    }

    /** A record's facts as an older version logged them: edited in a copy of the log under {@code dir}. */
    private interface OlderFacts {
        void edit(ObjectNode record, JsonNode facts) throws Exception;
    }

    private static Path rewrittenLog(Path dir, OlderFacts older) throws Exception {
        Path log = Files.createDirectories(dir.resolve("log"));
        for (Path segment : TestLogs.segmentFiles(data.resolve("log"))) {
            List<String> lines = new ArrayList<>();
            for (String line : TestLogs.lines(segment)) {
                ObjectNode record = (ObjectNode) Json.MAPPER.readTree(line);
                JsonNode facts = record.path("facts");
                if (facts.isObject()) {
                    older.edit(record, facts);
                }
                lines.add(Json.MAPPER.writeValueAsString(record));
            }
            TestLogs.writeLines(log.resolve(segment.getFileName()), lines);
        }
        return log;
    }

    @Test
    void replayUnderRecordedVersionsMatchesEveryDecision() throws Exception {
        ReplayReport report = ReplayReport.of(replayer().replay(data.resolve("log")));
        assertEquals(3 * BODIES.size(), report.decisions());
        assertEquals(0, report.mismatches(), report.render(false));
    }

    /** Replay works through batches in parallel: a log of many batches comes back whole, in log order. */
    @Test
    void aLogOfManyBatchesReplaysEveryDecisionInLogOrder(@TempDir Path copy) throws Exception {
        List<String> lines = LoggedRecords.lines(data.resolve("log"));
        List<String> repeated = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int round = 0; repeated.size() < 2_000; round++) {
            for (String line : lines) {
                ObjectNode record = (ObjectNode) Json.MAPPER.readTree(line);
                record.put("decision_id", record.path("decision_id").asText() + "-" + round);
                repeated.add(Json.MAPPER.writeValueAsString(record));
                ids.add(record.path("decision_id").asText());
            }
        }
        Path log = Files.createDirectories(copy.resolve("log"));
        TestLogs.writeLines(log.resolve(TestLogs.segmentFiles(data.resolve("log")).getFirst().getFileName()), repeated);
        List<Replayer.Replayed> replayed = replayer().replay(log);
        assertEquals(ids, replayed.stream().map(Replayer.Replayed::decisionId).toList());
        assertTrue(replayed.stream().allMatch(Replayer.Replayed::matches));
    }

    /** Equal facts are evaluated once; each decision is still compared with what was recorded for it. */
    @Test
    void aDecisionRepeatingAnotherOnesFactsIsJudgedOnItsOwnRecord(@TempDir Path copy) throws Exception {
        String first = LoggedRecords.lines(data.resolve("log")).stream()
                .filter(line -> line.contains("\"type\":\"decision\"")).findFirst().orElseThrow();
        List<String> lines = new ArrayList<>();
        for (String suffix : List.of("-a", "-b", "-c")) {
            ObjectNode record = (ObjectNode) Json.MAPPER.readTree(first);
            record.put("decision_id", record.path("decision_id").asText() + suffix);
            if (suffix.equals("-b")) {
                alter(record);
            }
            lines.add(Json.MAPPER.writeValueAsString(record));
        }
        Path log = Files.createDirectories(copy.resolve("log"));
        TestLogs.writeLines(log.resolve(TestLogs.segmentFiles(data.resolve("log")).getFirst().getFileName()), lines);
        List<Boolean> matches = replayer().replay(log).stream().map(Replayer.Replayed::matches).toList();
        assertEquals(List.of(true, false, true), matches);
    }

    /**
     * Facts logged before the registry recorded the controller's establishment and the catalog told a DPF
     * certification from SCCs read as the strictest case: an unknown establishment ("ZZ") binds the controller to
     * GDPR Chapter V, and no DPF certification. A US subject's personal data kept the transfer rule firing when it
     * was decided (the demo controller is in Germany), so it must still fire on replay. A missing role reads as the
     * role of an application's single key, "staff", which the logged decisions were made with.
     */
    @Test
    void factsLoggedWithoutControllerEstablishmentOrDpfReplayAsTheStrictestCase(@TempDir Path old) throws Exception {
        int[] usSubjectsUnderChapterV = {0};
        Path log = rewrittenLog(old, (record, facts) -> {
            ((ObjectNode) facts.get("request")).remove("controller_establishment");
            ((ObjectNode) facts.get("request")).remove("role");
            facts.get("destinations").forEach(d -> ((ObjectNode) d).remove("dpf_certified"));
            assertEquals("ZZ", Json.MAPPER.treeToValue(facts, Facts.class).request().controllerEstablishment());
            assertEquals("staff", Json.MAPPER.treeToValue(facts, Facts.class).request().role());
            boolean usSubject = facts.at("/subject/country").asText().equals("US");
            boolean transferRule = record.at("/outcome/reasons").findValuesAsText("rule")
                    .contains("residency.eea-transfer");
            usSubjectsUnderChapterV[0] += usSubject && transferRule ? 1 : 0;
        });
        ReplayReport report = ReplayReport.of(replayer().replay(log));

        assertTrue(usSubjectsUnderChapterV[0] > 0, "no logged US subject under Chapter V to replay");
        assertEquals(3 * BODIES.size(), report.decisions());
        assertEquals(0, report.mismatches(), report.render(true));
    }

    /**
     * Facts logged before topics and the confidential and regulated approvals existed read as no topics and no
     * approval. The packs that were current then read none of them, and the current ones read a missing approval
     * as none, which is what every demo application has: every decision replays to the same outcome.
     */
    @Test
    void factsLoggedWithoutTopicsOrDataApprovalsReplayIdentically(@TempDir Path old) throws Exception {
        int[] withTopics = {0};
        Path log = rewrittenLog(old, (record, facts) -> {
            withTopics[0] += facts.at("/data/topics").isEmpty() ? 0 : 1;
            ((ObjectNode) facts.get("data")).remove("topics");
            facts.get("destinations").forEach(d -> ((ObjectNode) d).remove(
                    List.of("confidential_approved", "regulated_approved")));
            Facts read = Json.MAPPER.treeToValue(facts, Facts.class);
            assertEquals(List.of(), read.data().topics());
            assertTrue(read.destinations().stream().noneMatch(d -> d.confidentialApproved() || d.regulatedApproved()));
        });
        ReplayReport report = ReplayReport.of(replayer().replay(log));

        assertTrue(withTopics[0] > 0, "no logged decision with a topic to strip");
        assertEquals(3 * BODIES.size(), report.decisions());
        assertEquals(0, report.mismatches(), report.render(true));
    }

    @Test
    void everyDecisionNamesTheLogicThatMadeIt() throws Exception {
        Map<String, String> expected = LogicVersions.of(Optional.of(NerModelCache.modelFile(TestService.ROOT)));
        int decisions = 0;
        for (JsonNode record : LoggedRecords.ofType(data.resolve("log"), "decision")) {
            decisions++;
            assertEquals(expected, Json.MAPPER.convertValue(record.get("logic_version"),
                    new TypeReference<Map<String, String>>() { }), record.toString());
        }
        assertEquals(3 * BODIES.size(), decisions);
        assertEquals(Set.of("classifiers", "combiner", "detectors", "ner_model"), expected.keySet());
        assertEquals(LogicVersions.combiner(), expected.get(LogicVersions.COMBINER));
    }

    /**
     * A logged outcome that differs from its replay is changed by logic when its record names another combiner
     * version, and a mismatch when it names this build's or none (a record written before logic versions, as always).
     */
    @Test
    void aDifferenceMadeByAnotherCombinerIsReportedApartFromAMismatch(@TempDir Path old) throws Exception {
        Path log = Files.createDirectories(old.resolve("log"));
        List<String> byLogic = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        int index = 0;
        for (Path segment : TestLogs.segmentFiles(data.resolve("log"))) {
            List<String> lines = new ArrayList<>();
            for (String line : TestLogs.lines(segment)) {
                ObjectNode record = (ObjectNode) Json.MAPPER.readTree(line);
                if (record.path("type").asText().equals("decision")) {
                    ObjectNode logic = (ObjectNode) record.get("logic_version");
                    String id = record.get("decision_id").asText();
                    switch (index++ % 4) {
                        case 0 -> logic.put(LogicVersions.COMBINER, "sha256:an-older-combiner");
                        case 1 -> {
                            logic.put(LogicVersions.COMBINER, "sha256:an-older-combiner");
                            alter(record);
                            byLogic.add(id);
                        }
                        case 2 -> {
                            alter(record);
                            mismatched.add(id);
                        }
                        default -> {
                            record.remove("logic_version");
                            alter(record);
                            mismatched.add(id);
                        }
                    }
                }
                lines.add(Json.MAPPER.writeValueAsString(record));
            }
            TestLogs.writeLines(log.resolve(segment.getFileName()), lines);
        }
        ReplayReport report = ReplayReport.of(replayer().replay(log));

        assertEquals(byLogic, report.changedByLogicIds(), report.render(false));
        assertEquals(mismatched, report.changedDecisionIds(), report.render(false));
        assertEquals(3 * BODIES.size() - byLogic.size() - mismatched.size(), report.matches());
        assertTrue(report.render(false).contains("Changed by logic (recorded under another combiner version): "
                + byLogic.size()), report.render(false));
    }

    /** An outcome the combiner could not have given: one destination more than it permitted. */
    private static void alter(ObjectNode record) {
        ((ArrayNode) record.at("/outcome/permitted_destinations")).add("elsewhere");
    }

    @Test
    void candidatePolicyReportsWhatWouldChange() throws Exception {
        Path candidate = TestService.copyPolicies(shared.resolve("candidate"));
        Files.writeString(candidate.resolve("gdpr/candidate.drl"), DENY_FAQ);
        ReplayReport report = ReplayReport.of(replayer().replay(data.resolve("log"),
                List.of(new DroolsPolicyCompiler().compile(candidate))));

        assertEquals(faqs, report.mismatches(), report.render(true));
        assertEquals(Map.of("allow -> deny", faqs), report.effectChanges());
        assertEquals(Map.of("gdpr.candidate.no-faq", faqs), report.rulesAdded());
        assertEquals(Map.of("slm-local -> none", faqs), report.routeChanges());
        assertTrue(report.render(true).contains("Decisions affected:"));
    }
}
