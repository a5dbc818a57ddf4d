package dev.tollgate.policy.rego;

import dev.tollgate.classify.ProhibitedPracticeClassifier;
import dev.tollgate.cli.policy.ParitySample;
import dev.tollgate.cli.policy.SampleFacts;
import dev.tollgate.facts.ContentFacts;
import dev.tollgate.facts.DataFacts;
import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.EntityCount;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.facts.SubjectFacts;
import dev.tollgate.policy.CompiledPolicy;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Random facts documents that reach every branch of the packs, from the values {@link SampleFacts} draws for
 * `tollgate policy test`, as jqwik arbitraries so that a disagreement shrinks to the smallest document.
 */
public final class FactsArbitraries {
    private FactsArbitraries() {
    }

    public static Arbitrary<Facts> facts() {
        return Combinators.combine(request(), Arbitraries.of(SampleFacts.COUNTRIES).map(SubjectFacts::new), data(),
                        destinations(), content())
                .as(Facts::new);
    }

    /** Mostly nothing recognised; a derived task that agrees with, differs from or (in old logs) lacks a declared one. */
    private static Arbitrary<ContentFacts> content() {
        Arbitrary<List<String>> practices = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(List.<String>of())),
                Tuple.of(1, Arbitraries.of(ProhibitedPracticeClassifier.PRACTICES).list().ofMinSize(1).ofMaxSize(2).uniqueElements()
                        .map(p -> p.stream().sorted().toList())));
        Arbitrary<String> derived = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(4, Arbitraries.of(SampleFacts.TASKS)));
        return Combinators.combine(practices, derived).as(ContentFacts::new);
    }

    private static Arbitrary<RequestFacts> request() {
        Arbitrary<Integer> tokens = Arbitraries.oneOf(
                Arbitraries.of(SampleFacts.TOKEN_EDGES),
                Arbitraries.integers().between(0, 4000));
        Arbitrary<Integer> latency = Arbitraries.oneOf(
                Arbitraries.of(SampleFacts.LATENCY_EDGES),
                Arbitraries.integers().between(0, 2000));
        return Combinators.combine(Arbitraries.of(SampleFacts.ROLES), Arbitraries.of(SampleFacts.USE_CASES),
                        Arbitraries.of(SampleFacts.RESIDENCIES), Arbitraries.of(SampleFacts.COUNTRIES),
                        Arbitraries.of(SampleFacts.TASKS), tokens, latency, Arbitraries.of(false, true))
                .as((role, useCase, residency, establishment, task, tokenCount, latencyMs, budgetSpent) ->
                        new RequestFacts("claims-assistant", role, "claims_handling", useCase, residency, establishment,
                                task, tokenCount, "eng", 1, latencyMs, budgetSpent));
    }

    private static Arbitrary<DataFacts> data() {
        Arbitrary<Set<String>> entities = Arbitraries.of(SampleFacts.ENTITY_TYPES).set().ofMaxSize(4);
        Arbitrary<Set<String>> categories = Arbitraries.of(concat(SampleFacts.ART9_CATEGORIES,
                SampleFacts.OTHER_CATEGORIES)).set().ofMaxSize(3);
        Arbitrary<Set<String>> topics = Arbitraries.of(SampleFacts.TOPICS).set().ofMaxSize(2);
        return Combinators.combine(entities, categories, topics, Arbitraries.of(false, false, true)).as((types, classes, about, extraPersonal) -> {
            List<String> entityTypes = List.copyOf(new TreeSet<>(types));
            List<String> categoryList = List.copyOf(new TreeSet<>(classes));
            boolean special = categoryList.stream().anyMatch(SampleFacts.ART9_CATEGORIES::contains);
            // personal_data is derived, and sometimes set on its own: the packs must agree on any document.
            boolean personal = special || !entityTypes.isEmpty() || extraPersonal;
            return new DataFacts(personal, entityTypes, entityTypes.stream().map(t -> new EntityCount(t, 1)).toList(),
                    categoryList, special, List.copyOf(new TreeSet<>(about)));
        });
    }

    private static Arbitrary<List<DestinationFacts>> destinations() {
        Arbitrary<DestinationFacts> destination = Combinators.combine(
                        Arbitraries.of(SampleFacts.DESTINATION_IDS), Arbitraries.of(SampleFacts.DESTINATION_COUNTRIES),
                        Arbitraries.of(true, true, false), Arbitraries.of(false, false, true),
                        Arbitraries.of(false, false, true), Arbitraries.of(false, false, true),
                        Arbitraries.of(true, true, true, false), approvals())
                .as((id, country, dpa, trains, scc, dpf, permitted, approved) -> new DestinationFacts(id,
                        id.startsWith("slm") ? "slm" : "cloud", country, "provider-" + id,
                        dpa, trains, scc, dpf, permitted, approved[0], approved[1], approved[2]))
                // Observed p95s at and around the latency budgets the requests draw (0: none observed).
                .flatMap(d -> Arbitraries.of(SampleFacts.OBSERVED_P95S).map(d::withObservedP95Ms));
        return destination.list().ofMinSize(0).ofMaxSize(4).uniqueElements(DestinationFacts::id);
    }

    /** Approvals for high-risk use, confidential business information and regulated-industry data. */
    private static Arbitrary<boolean[]> approvals() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(false, false, true),
                Arbitraries.of(false, false, true)).as((highRisk, confidential, regulated) ->
                new boolean[] {highRisk, confidential, regulated});
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Both policies decide 3,000 generated documents alike (reasons compared without their timing). */
    public static void assertDecideAlike(CompiledPolicy expected, CompiledPolicy actual) {
        facts().sampleStream().limit(3_000).forEach(facts -> assertEquals(
                ParitySample.normalised(expected.evaluate(facts)), ParitySample.normalised(actual.evaluate(facts)),
                () -> "verdicts differ for " + facts));
    }
}
