package dev.tollgate.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Something the executor must do when it carries out the decision.
 *
 * @param type     "mask", "disclose_ai_interaction", "human_oversight", "record_keeping"
 * @param entities for "mask": the entity types to mask, sorted; empty otherwise
 * @param appliesTo destination kind the obligation is bound to ("cloud", "slm"), or null for any route.
 *                  In a decision, null means the whole route and "cloud" the cloud leg of a cascade or
 *                  draft-verify route: the combiner keeps only obligations that apply to the chosen route
 *                  or to that leg
 */
public record Obligation(String type, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> entities,
                         String appliesTo) {
    public Obligation {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    public static Obligation of(String type) {
        return new Obligation(type, List.of(), null);
    }
}
