package dev.tollgate.facts;

import java.util.List;

/**
 * What the input contains, as labels only.
 *
 * @param personalData    true when any personal data entity, or a special category about a person, was found
 * @param entityTypes     sorted distinct entity types found, e.g. ["EMAIL_ADDRESS", "PERSON"]
 * @param entityCounts    per type counts, sorted by type
 * @param categories      sorted categories of the data: GDPR Art. 9 categories ("health", "genetic", ...) and
 *                        "finance" about a person, "payment_card", "phi", "confidential_business"; detected
 *                        server-side, client hints only add
 * @param specialCategory true when any GDPR Art. 9 category is among the categories
 * @param topics          sorted Art. 9 categories and "finance" the text is about with no person in it ("What are
 *                        the common symptoms of influenza?": "health"); no personal data. Missing in facts logged
 *                        before it existed: read as empty
 */
public record DataFacts(boolean personalData, List<String> entityTypes, List<EntityCount> entityCounts,
                        List<String> categories, boolean specialCategory, List<String> topics) {
    public DataFacts {
        entityTypes = List.copyOf(entityTypes);
        entityCounts = List.copyOf(entityCounts);
        categories = List.copyOf(categories);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }
}
