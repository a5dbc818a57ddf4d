package dev.tollgate.facts;

import java.util.List;

/**
 * The facts document every policy engine evaluates, the same for Drools and Rego.
 * It never holds raw text or PII values: only labels, counts and catalog data.
 * Described by docs/facts.schema.json.
 */
public record Facts(RequestFacts request, SubjectFacts subject, DataFacts data, List<DestinationFacts> destinations,
                    ContentFacts content) {
    /** A missing content (facts logged before it existed) reads as {@link ContentFacts#NOT_DERIVED}. */
    public Facts {
        destinations = List.copyOf(destinations);
        content = content == null ? ContentFacts.NOT_DERIVED : content;
    }

    /** Facts with nothing derived from the content. */
    public Facts(RequestFacts request, SubjectFacts subject, DataFacts data, List<DestinationFacts> destinations) {
        this(request, subject, data, destinations, ContentFacts.NOT_DERIVED);
    }
}
