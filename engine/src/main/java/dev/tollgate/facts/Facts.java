package dev.tollgate.facts;

import java.util.List;

/**
 * The facts document every policy engine evaluates, the same for Drools and Rego.
 * It never holds raw text or PII values: only labels, counts and catalog data.
 * Described by docs/facts.schema.json.
 */
public record Facts(RequestFacts request, SubjectFacts subject, DataFacts data, List<DestinationFacts> destinations) {
    public Facts {
        destinations = List.copyOf(destinations);
    }
}
