package dev.tollgate.policy.rego;

import dev.tollgate.cli.policy.SampleFacts;
import dev.tollgate.policy.Outcome;
import dev.tollgate.decision.PolicyEvaluation;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.SubjectFacts;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.rego.DroolsRegoParityTest.FactsDocument;
import dev.tollgate.terms.Effect;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subject country is the one fact of GDPR Chapter V the caller declares, so it may only add duties. Over
 * generated facts documents (the subject country is the declared one, as FactsBuilder copies it), evaluated as
 * the service evaluates them, by the Drools and the Rego packs together and combined:
 * <ul>
 *   <li>for a controller established in the EEA, every declared country gives the same outcome;</li>
 *   <li>for any controller, no declared country gives a looser outcome than a subject in a third country, who
 *       adds no duty: a deny stays a deny, the permitted destinations only shrink or stay, and on the same route
 *       the obligations only grow or stay.</li>
 * </ul>
 * The other direction cannot hold for a controller outside the EEA: a subject in the EEA brings it under
 * Chapter V (GDPR Art. 3(2)), a subject elsewhere does not.
 */
class SubjectCountryOnlyAddsDutiesTest {
    static final int DOCUMENTS = 3_000;
    private static final List<String> EEA = SampleFacts.COUNTRIES.subList(0, 6);
    private static final List<String> THIRD_COUNTRIES = SampleFacts.COUNTRIES.subList(6, 15);

    @Provide
    Arbitrary<FactsDocument> documents() {
        return FactsArbitraries.facts().map(FactsDocument::new);
    }

    @Provide
    Arbitrary<String> countries() {
        return Arbitraries.of(SampleFacts.COUNTRIES);
    }

    @Provide
    Arbitrary<String> thirdCountries() {
        return Arbitraries.of(THIRD_COUNTRIES);
    }

    @Property(tries = DOCUMENTS)
    void declaredSubjectCountryNeverLoosensTheOutcome(@ForAll("documents") FactsDocument document,
                                                      @ForAll("thirdCountries") String noDuty,
                                                      @ForAll("countries") String declared) throws Exception {
        Outcome baseline = decide(document.facts(), noDuty);
        Outcome outcome = decide(document.facts(), declared);

        if (baseline.effect().equals(Effect.DENY)) {
            assertEquals(Effect.DENY, outcome.effect(), () -> "a deny became an allow for " + document);
        }
        if (outcome.effect().equals(Effect.ALLOW)) {
            assertTrue(baseline.permittedDestinations().containsAll(outcome.permittedDestinations()),
                    () -> "more destinations permitted for a subject in " + declared + " than in " + noDuty + ": "
                            + document);
            if (outcome.route().equals(baseline.route())) {
                baseline.obligations().forEach(o -> assertTrue(kept(o, outcome.obligations()),
                        () -> "obligation " + o + " dropped for a subject in " + declared + ": " + document));
            }
        }
    }

    @Property(tries = DOCUMENTS)
    void aControllerInTheEeaGetsTheSameOutcomeWhateverCountryIsDeclared(
            @ForAll("documents") FactsDocument document, @ForAll("countries") String one,
            @ForAll("countries") String other) throws Exception {
        String establishment = document.facts().request().controllerEstablishment();
        Assume.that(EEA.contains(establishment));

        assertEquals(decide(document.facts(), one), decide(document.facts(), other),
                () -> "subjects in " + one + " and " + other + " decided apart for " + document);
    }

    private static boolean kept(Obligation obligation, List<Obligation> obligations) {
        return obligations.stream().anyMatch(o -> o.type().equals(obligation.type())
                && Objects.equals(o.appliesTo(), obligation.appliesTo())
                && o.entities().containsAll(obligation.entities()));
    }

    private static Outcome decide(Facts facts, String subjectCountry) throws PolicyLoadException {
        Facts declared = new Facts(facts.request(), new SubjectFacts(subjectCountry), facts.data(),
                facts.destinations());
        return PolicyEvaluation.evaluate(List.of(DroolsRegoParityTest.drools(), ShippedBundle.wasm()), declared)
                .outcome();
    }
}
