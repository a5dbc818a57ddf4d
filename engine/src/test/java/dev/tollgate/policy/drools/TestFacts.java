package dev.tollgate.policy.drools;

import dev.tollgate.classify.SensitivityClassifier;
import dev.tollgate.facts.DataFacts;
import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.EntityCount;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.facts.SubjectFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Hand-built facts for pack scenarios: the demo destinations and a plain request unless told otherwise. */
final class TestFacts {
    static final DestinationFacts SLM_LOCAL =
            new DestinationFacts("slm-local", "slm", "DE", "tollgate", true, false, false, false, true, true, false, false);
    static final DestinationFacts CLOUD_EU =
            new DestinationFacts("cloud-eu", "cloud", "IE", "eu-provider", true, false, false, false, true, false, false, false);
    static final DestinationFacts CLOUD_US =
            new DestinationFacts("cloud-us", "cloud", "US", "us-provider", true, false, false, false, true, false, false, false);

    private String role = "staff";
    private String useCase = "none";
    private String tenantResidency = "NONE";
    private String controllerEstablishment = "DE";
    private String taskType = "summarize";
    private int tokenCount = 100;
    private int maxLatencyMs;
    private boolean budgetExhausted;
    private String subjectCountry = "DE";
    private final TreeSet<String> entityTypes = new TreeSet<>();
    private final TreeSet<String> categories = new TreeSet<>();
    private List<DestinationFacts> destinations = List.of(SLM_LOCAL, CLOUD_EU, CLOUD_US);

    static TestFacts request() {
        return new TestFacts();
    }

    TestFacts task(String type, int tokens) {
        taskType = type;
        tokenCount = tokens;
        return this;
    }

    /** The role the caller's API key is bound to ("staff" unless told). */
    TestFacts role(String keyRole) {
        role = keyRole;
        return this;
    }

    TestFacts latencyBudget(int ms) {
        maxLatencyMs = ms;
        return this;
    }

    /** The application's monthly cloud token budget is spent. */
    TestFacts budgetExhausted() {
        budgetExhausted = true;
        return this;
    }

    TestFacts useCase(String aiActUseCase) {
        useCase = aiActUseCase;
        return this;
    }

    TestFacts tenantResidency(String residency) {
        tenantResidency = residency;
        return this;
    }

    /** The country where the application's controller is established (the registry's; "DE" unless told). */
    TestFacts controller(String country) {
        controllerEstablishment = country;
        return this;
    }

    TestFacts subject(String country) {
        subjectCountry = country;
        return this;
    }

    /** Personal data of these entity types was found, one of each. */
    TestFacts entities(String... types) {
        entityTypes.addAll(List.of(types));
        return this;
    }

    /** Data of these categories was found about a person (special categories, finance, confidential_business, ...). */
    TestFacts categories(String... classes) {
        categories.addAll(List.of(classes));
        return this;
    }

    TestFacts destinations(DestinationFacts... catalog) {
        destinations = List.of(catalog);
        return this;
    }

    Facts build() {
        List<EntityCount> counts = new ArrayList<>();
        entityTypes.forEach(type -> counts.add(new EntityCount(type, 1)));
        boolean special = categories.stream().anyMatch(SensitivityClassifier::isSpecialCategory);
        return new Facts(
                new RequestFacts("claims-assistant", role, "claims_handling", useCase, tenantResidency, controllerEstablishment,
                        taskType, tokenCount, "eng", 1, maxLatencyMs, budgetExhausted),
                new SubjectFacts(subjectCountry),
                new DataFacts(special || !entityTypes.isEmpty(), List.copyOf(entityTypes), counts,
                        List.copyOf(categories), special, List.of()),
                destinations);
    }
}
