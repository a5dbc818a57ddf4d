package dev.tollgate.facts;

import java.util.List;

/**
 * What the input contains, as labels only.
 *
 * @param personalData    true when any personal data entity or special category was found
 * @param entityTypes     sorted distinct entity types found, e.g. ["EMAIL_ADDRESS", "PERSON"]
 * @param entityCounts    per type counts, sorted by type
 * @param categories      sorted sensitivity classes: GDPR Art. 9 categories ("health", "genetic", ...),
 *                        "payment_card", "phi"; detected server-side, client hints only add
 * @param specialCategory true when any GDPR Art. 9 category is present
 */
public record DataFacts(boolean personalData, List<String> entityTypes, List<EntityCount> entityCounts,
                        List<String> categories, boolean specialCategory) {
    public DataFacts {
        entityTypes = List.copyOf(entityTypes);
        entityCounts = List.copyOf(entityCounts);
        categories = List.copyOf(categories);
    }
}
