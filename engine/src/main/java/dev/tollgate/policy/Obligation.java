package dev.tollgate.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.ObligationType;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Something the executor must do when it carries out the decision.
 *
 * @param entities for a mask: the entity types to mask, sorted; empty otherwise
 * @param appliesTo destination kind the obligation is bound to, or null for any route.
 *                  In a decision, null means the whole route and cloud the cloud leg of a cascade or
 *                  draft-verify route: the combiner keeps only obligations that apply to the chosen route
 *                  or to that leg
 */
public record Obligation(ObligationType type, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> entities,
                         DestinationKind appliesTo) {
    public Obligation {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public static Obligation of(ObligationType type) {
        return new Obligation(type, List.of(), null);
    }

    public Key key() {
        return new Key(type, appliesTo);
    }

    /**
     * What obligations are merged by (their entity lists united), ordered by the wire values so that a verdict's
     * and an outcome's obligations are listed the same way whatever the enums' order.
     */
    public record Key(ObligationType type, DestinationKind appliesTo) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing((Key k) -> k.type().wire())
                .thenComparing(k -> k.appliesTo() == null ? null : k.appliesTo().wire(),
                        Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }

        public Obligation with(Collection<String> entities) {
            return new Obligation(type, List.copyOf(entities), appliesTo);
        }
    }
}
