package dev.tollgate.facts;

import java.util.List;

public record Findings(List<EntityFinding> entities, List<String> categories) {
    public Findings {
        entities = List.copyOf(entities);
        categories = List.copyOf(categories);
    }
}
