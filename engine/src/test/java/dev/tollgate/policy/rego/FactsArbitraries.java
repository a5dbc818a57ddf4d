package dev.tollgate.policy.rego;

import dev.tollgate.classify.ProhibitedPracticeClassifier;
import dev.tollgate.facts.ContentFacts;
import dev.tollgate.facts.DataFacts;
import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.EntityCount;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.facts.SubjectFacts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Random facts documents that reach every branch of the packs: each category, EEA / adequate / other /
 * unknown countries for the data subject and the controller's establishment, finance and confidential business
 * information, topics without a person, prohibited / Annex III / ordinary use cases and tasks, every prohibited
 * practice recognised in content and derived tasks that differ from the declared ones, every routing row and its
 * token and latency edges, every caller role, tenant pins, and destinations of both
 * kinds with every flag (SCCs and a DPF certification in and outside the US among them).
 */
final class FactsArbitraries {
    static final List<String> ART9_CATEGORIES = List.of("biometric", "genetic", "health", "political_opinions",
            "racial_ethnic_origin", "religious_beliefs", "sex_life_orientation", "trade_union_membership");
    static final List<String> OTHER_CATEGORIES = List.of("payment_card", "phi", "finance", "confidential_business");
    /** What a text may be about with no person in it. */
    static final List<String> TOPICS = List.of("finance", "health", "genetic", "religious_beliefs");
    static final List<String> COUNTRIES = List.of(
            "DE", "FR", "IE", "GR", "NO", "LI",      // EEA
            "CH", "GB", "JP", "CA", "UY",            // adequacy decision
            "US", "CN", "IN", "BR",                  // other third countries
            "ZZ");                                   // unknown
    static final List<String> USE_CASES = List.of("none", "insurance_pricing", "claims_handling",
            "social_scoring", "emotion_recognition_workplace", "subliminal_manipulation",
            "credit_scoring", "recruitment", "emergency_triage", "law_enforcement");
    static final List<String> TASKS = List.of("faq", "classify", "extract", "summarize", "translate", "reasoning", "code",
            "multi_step", "plan", "draft", "write", "chat", "social_scoring", "predictive_policing_profiling");
    static final List<String> ENTITY_TYPES = List.of("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "LOCATION",
            "IBAN_CODE", "CREDIT_CARD", "US_SSN", "IP_ADDRESS", "DE_TAX_ID", "PASSPORT");
    static final List<String> ROLES = List.of("staff", "staff", "public");
    static final List<String> RESIDENCIES = List.of("NONE", "NONE", "EU", "DE", "IE", "US");
    static final List<String> DESTINATION_IDS = List.of("slm-local", "slm-edge", "cloud-eu", "cloud-us", "cloud-ch", "cloud-x");

    private FactsArbitraries() {
    }

    static Arbitrary<Facts> facts() {
        return Combinators.combine(request(), Arbitraries.of(COUNTRIES).map(SubjectFacts::new), data(), destinations(),
                        content())
                .as(Facts::new);
    }

    /** Mostly nothing recognised; a derived task that agrees with, differs from or (in old logs) lacks a declared one. */
    private static Arbitrary<ContentFacts> content() {
        Arbitrary<List<String>> practices = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(List.<String>of())),
                Tuple.of(1, Arbitraries.of(ProhibitedPracticeClassifier.PRACTICES).list().ofMinSize(1).ofMaxSize(2).uniqueElements()
                        .map(p -> p.stream().sorted().toList())));
        Arbitrary<String> derived = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((String) null)), Tuple.of(4, Arbitraries.of(TASKS)));
        return Combinators.combine(practices, derived).as(ContentFacts::new);
    }

    private static Arbitrary<RequestFacts> request() {
        Arbitrary<Integer> tokens = Arbitraries.oneOf(
                Arbitraries.of(0, 1, 256, 257, 512, 513, 1024, 1025, 2048, 2049),
                Arbitraries.integers().between(0, 4000));
        Arbitrary<Integer> latency = Arbitraries.oneOf(
                Arbitraries.of(0, 0, 1, 300, 301),
                Arbitraries.integers().between(0, 2000));
        return Combinators.combine(Arbitraries.of(ROLES), Arbitraries.of(USE_CASES), Arbitraries.of(RESIDENCIES),
                        Arbitraries.of(COUNTRIES), Arbitraries.of(TASKS), tokens, latency, Arbitraries.of(false, true))
                .as((role, useCase, residency, establishment, task, tokenCount, latencyMs, budgetSpent) ->
                        new RequestFacts("claims-assistant", role, "claims_handling", useCase, residency, establishment,
                                task, tokenCount, "eng", 1, latencyMs, budgetSpent));
    }

    private static Arbitrary<DataFacts> data() {
        Arbitrary<Set<String>> entities = Arbitraries.of(ENTITY_TYPES).set().ofMaxSize(4);
        Arbitrary<Set<String>> categories = Arbitraries.of(concat(ART9_CATEGORIES, OTHER_CATEGORIES)).set().ofMaxSize(3);
        Arbitrary<Set<String>> topics = Arbitraries.of(TOPICS).set().ofMaxSize(2);
        return Combinators.combine(entities, categories, topics, Arbitraries.of(false, false, true)).as((types, classes, about, extraPersonal) -> {
            List<String> entityTypes = List.copyOf(new TreeSet<>(types));
            List<String> categoryList = List.copyOf(new TreeSet<>(classes));
            boolean special = categoryList.stream().anyMatch(ART9_CATEGORIES::contains);
            // personal_data is derived, and sometimes set on its own: the packs must agree on any document.
            boolean personal = special || !entityTypes.isEmpty() || extraPersonal;
            return new DataFacts(personal, entityTypes, entityTypes.stream().map(t -> new EntityCount(t, 1)).toList(),
                    categoryList, special, List.copyOf(new TreeSet<>(about)));
        });
    }

    private static Arbitrary<List<DestinationFacts>> destinations() {
        Arbitrary<DestinationFacts> destination = Combinators.combine(
                        Arbitraries.of(DESTINATION_IDS), Arbitraries.of(COUNTRIES.subList(0, 15)),
                        Arbitraries.of(true, true, false), Arbitraries.of(false, false, true),
                        Arbitraries.of(false, false, true), Arbitraries.of(false, false, true),
                        Arbitraries.of(true, true, true, false), approvals())
                .as((id, country, dpa, trains, scc, dpf, permitted, approved) -> new DestinationFacts(id,
                        id.startsWith("slm") ? "slm" : "cloud", country, "provider-" + id,
                        dpa, trains, scc, dpf, permitted, approved[0], approved[1], approved[2]))
                // Observed p95s at and around the latency budgets the requests draw (0: none observed).
                .flatMap(d -> Arbitraries.of(0, 0, 1, 300, 301, 1500).map(d::withObservedP95Ms));
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
}
