package dev.tollgate.config;

import java.util.List;
import java.util.Optional;

/** The model destinations Tollgate can route to, in catalog order (the order routing falls back in). */
public record DestinationCatalog(List<Destination> destinations) {
    public DestinationCatalog {
        destinations = List.copyOf(destinations);
    }

    public Optional<Destination> byId(String id) {
        return destinations.stream().filter(d -> d.id().equals(id)).findFirst();
    }
}
