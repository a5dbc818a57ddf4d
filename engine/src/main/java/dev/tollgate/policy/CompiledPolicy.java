package dev.tollgate.policy;

import dev.tollgate.facts.Facts;

import java.util.List;
import java.util.Map;

/**
 * One immutable, loaded version of an engine's packs. Thread-safe: evaluated concurrently.
 */
public interface CompiledPolicy {
    /** Engine name as recorded in reasons and policy versions, e.g. "drools". */
    String engine();

    /** "sha256:<hex>" over every file of every pack, the policy version recorded with each decision. */
    String digest();

    /** Rules loaded per pack; a pack that silently compiled to nothing shows 0 here. */
    Map<String, Integer> ruleCounts();

    /** The ids of the rules loaded per pack, packs in the order of {@link #ruleCounts()}. */
    Map<String, List<String>> rules();

    /** One partial verdict per pack, in pack name order. Throws on an engine error. */
    List<PartialVerdict> evaluate(Facts facts);
}
