package dev.tollgate.policy.drools;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A named list from a pack's reference.json (EEA countries, prohibited AI practices, ...), inserted as a
 * fact into that pack's sessions: {@code ReferenceSet(name == "eea", $eea : values)}.
 *
 * @param values sorted, so that anything a rule builds from them comes out in the same order every run;
 *               {@code contains(null)} is false rather than an error, for facts with a missing field
 */
public record ReferenceSet(String name, Set<String> values) {
    public ReferenceSet {
        values = Collections.unmodifiableSet(new LinkedHashSet<>(new TreeSet<>(values)));
    }
}
