package dev.tollgate.policy.rego;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.facts.Facts;
import dev.tollgate.policy.EngineException;
import dev.tollgate.policy.Obligation;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.Reason;
import dev.tollgate.policy.RouteChoice;
import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.ObligationType;
import dev.tollgate.terms.Strategy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a pack's {@code verdict} document into a partial verdict:
 * {@code {"deny": bool, "forbidden": [id], "obligations": [{"type", "entities", "applies_to"}],
 * "route": {"destination", "strategy", "escalate_below": number | null, "rule",
 * "consistency": {"samples", "escalate_below"} | null} | null, "reasons": [{"rule", "basis", "message"}],
 * "denied_by": [rule id]}}, reasons in any order (they are sorted by rule id here). {@code denied_by} names the
 * rules that denied; a pack that leaves it out has every reason of its deny counted as denying.
 * A document of any other shape is an engine failure, never a partial answer.
 */
final class VerdictDocument {
    static final String ENGINE = "rego";

    private VerdictDocument() {
    }

    /** The facts document as the Rego packs read it: `input`, in the same JSON the decision log holds. */
    static String input(Facts facts) {
        try {
            return Json.MAPPER.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new EngineException("facts could not be serialised for Rego", e);
        }
    }

    static PartialVerdict read(RegoPack pack, JsonNode verdict, String engineDecisionId) {
        if (!verdict.isObject() || !verdict.path("deny").isBoolean()) {
            throw malformed(pack, "deny");
        }
        List<String> forbidden = strings(pack, verdict.path("forbidden"), "forbidden");
        List<Obligation> obligations = new ArrayList<>();
        for (JsonNode o : array(pack, verdict.path("obligations"), "obligations")) {
            JsonNode appliesTo = o.path("applies_to");
            if (!o.path("type").isTextual() || !(appliesTo.isNull() || appliesTo.isMissingNode() || appliesTo.isTextual())) {
                throw malformed(pack, "obligations");
            }
            try {
                obligations.add(new Obligation(ObligationType.of(o.path("type").asText()),
                        strings(pack, o.path("entities"), "obligations"),
                        appliesTo.isTextual() ? DestinationKind.of(appliesTo.asText()) : null));
            } catch (IllegalArgumentException e) {
                throw new EngineException("Rego pack " + pack.name() + " returned an invalid obligation: "
                        + e.getMessage(), e);
            }
        }
        RouteChoice route = null;
        JsonNode routeNode = verdict.path("route");
        if (routeNode.isObject()) {
            route = route(pack, routeNode);
        } else if (!routeNode.isNull() && !routeNode.isMissingNode()) {
            throw malformed(pack, "route");
        }
        List<Reason> reasons = new ArrayList<>();
        for (JsonNode r : array(pack, verdict.path("reasons"), "reasons")) {
            if (!r.path("rule").isTextual() || !r.path("basis").isTextual() || !r.path("message").isTextual()) {
                throw malformed(pack, "reasons");
            }
            reasons.add(new Reason(r.path("rule").asText(), ENGINE, pack.name(), r.path("basis").asText(),
                    r.path("message").asText()));
        }
        // Rego has no firing order and a pack lists its reasons as a set: sorted by rule id they are deterministic.
        reasons.sort(Comparator.comparing(Reason::rule));
        boolean deny = verdict.path("deny").asBoolean();
        JsonNode deniedBy = verdict.path("denied_by");
        if (deniedBy.isMissingNode()) {
            return new PartialVerdict(ENGINE, pack.name(), deny, forbidden, obligations, route, reasons,
                    engineDecisionId);
        }
        List<String> denying = strings(pack, deniedBy, "denied_by").stream().sorted().toList();
        if (deny == denying.isEmpty()) {
            throw malformed(pack, "denied_by");
        }
        return new PartialVerdict(ENGINE, pack.name(), deny, forbidden, obligations, route, reasons, engineDecisionId,
                denying);
    }

    private static RouteChoice route(RegoPack pack, JsonNode route) {
        JsonNode escalateBelow = route.path("escalate_below");
        JsonNode rule = route.path("rule");
        JsonNode consistency = route.path("consistency");
        if (!route.path("destination").isTextual() || !route.path("strategy").isTextual()
                || !(escalateBelow.isNumber() || escalateBelow.isNull() || escalateBelow.isMissingNode())
                || !(rule.isTextual() || rule.isMissingNode())
                || !(consistency.isNull() || consistency.isMissingNode() || consistency.path("samples").isInt()
                && consistency.path("escalate_below").isNumber())) {
            throw malformed(pack, "route");
        }
        try {
            // A bundle stored before the routing pack named its rule has none; one stored before the consistency
            // check has no "consistency".
            return new RouteChoice(route.path("destination").asText(), Strategy.of(route.path("strategy").asText()),
                    escalateBelow.isNumber() ? escalateBelow.asDouble() : null, rule.isTextual() ? rule.asText() : null,
                    consistency.isObject() ? new ConsistencyCheck(consistency.path("samples").asInt(),
                            consistency.path("escalate_below").asDouble()) : null);
        } catch (IllegalArgumentException e) {
            throw new EngineException("Rego pack " + pack.name() + " returned an invalid route: " + e.getMessage(), e);
        }
    }

    private static JsonNode array(RegoPack pack, JsonNode node, String field) {
        if (!node.isArray()) {
            throw malformed(pack, field);
        }
        return node;
    }

    private static List<String> strings(RegoPack pack, JsonNode node, String field) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array(pack, node, field)) {
            if (!value.isTextual()) {
                throw malformed(pack, field);
            }
            values.add(value.asText());
        }
        return values;
    }

    private static EngineException malformed(RegoPack pack, String field) {
        return new EngineException("Rego pack " + pack.name() + " returned a verdict without a valid \"" + field + "\"");
    }
}
