package dev.tollgate.policy.rego;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.cli.policy.SampleFacts;
import dev.tollgate.Json;
import dev.tollgate.policy.Outcome;
import dev.tollgate.decision.PolicyEvaluation;
import dev.tollgate.facts.ContentFacts;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.policy.rego.DroolsRegoParityTest.FactsDocument;
import dev.tollgate.terms.Effect;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task type is the one request fact the caller declares beside the one Tollgate derives, so declaring it may
 * only tighten. Over generated facts documents with a derived task, evaluated as the service evaluates them (the
 * Drools and the Rego packs together, combined), declaring any task instead of the derived one never loosens the
 * outcome: a deny stays a deny and the permitted destinations only shrink or stay. And a prohibited practice
 * recognised in the content is denied whatever task is declared.
 */
class DeclaredTaskOnlyTightensTest {
    static final int DOCUMENTS = 1_500;

    @Provide
    Arbitrary<FactsDocument> documents() {
        return FactsArbitraries.facts().filter(f -> f.content().derivedTaskType() != null).map(FactsDocument::new);
    }

    @Provide
    Arbitrary<String> tasks() {
        return Arbitraries.of(SampleFacts.TASKS);
    }

    @Property(tries = DOCUMENTS)
    void declaringAnotherTaskThanTheDerivedOneNeverLoosensTheOutcome(@ForAll("documents") FactsDocument document,
                                                                     @ForAll("tasks") String declared)
            throws Exception {
        Facts facts = document.facts();
        Outcome asDerived = decide(facts, facts.content().derivedTaskType());
        Outcome asDeclared = decide(facts, declared);

        if (asDerived.effect().equals(Effect.DENY)) {
            assertEquals(Effect.DENY, asDeclared.effect(), () -> "declaring " + declared + " lifted a deny: " + document);
        }
        if (asDeclared.effect().equals(Effect.ALLOW)) {
            assertTrue(asDerived.permittedDestinations().containsAll(asDeclared.permittedDestinations()),
                    () -> "declaring " + declared + " permitted more destinations: " + document);
        }
    }

    @Property(tries = DOCUMENTS / 3)
    void aPracticeRecognisedInTheContentIsDeniedWhateverTaskIsDeclared(@ForAll("documents") FactsDocument document,
                                                                       @ForAll("tasks") String declared)
            throws Exception {
        Facts facts = document.facts();
        Facts recognised = new Facts(facts.request(), facts.subject(), facts.data(), facts.destinations(),
                new ContentFacts(List.of("social_scoring"), facts.content().derivedTaskType()));

        Outcome outcome = decide(recognised, declared);

        assertEquals(Effect.DENY, outcome.effect(), () -> "allowed as " + declared + ": " + document);
        assertTrue(outcome.reasons().stream().anyMatch(r -> r.basis().equals("EU AI Act Art. 5(1)(c)")),
                () -> "no Art. 5(1)(c) reason as " + declared + ": " + outcome.reasons());
    }

    /** The facts with another declared task; copied through JSON to keep every other request field. */
    private static Outcome decide(Facts facts, String declaredTask) throws Exception {
        ObjectNode node = Json.MAPPER.valueToTree(facts.request());
        node.put("task_type", declaredTask);
        RequestFacts request = Json.MAPPER.treeToValue(node, RequestFacts.class);
        return PolicyEvaluation.evaluate(List.of(DroolsRegoParityTest.drools(), ShippedBundle.wasm()),
                new Facts(request, facts.subject(), facts.data(), facts.destinations(), facts.content())).outcome();
    }
}
