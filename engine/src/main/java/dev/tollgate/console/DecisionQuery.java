package dev.tollgate.console;

import dev.tollgate.api.HttpProblem;
import dev.tollgate.api.ProblemException;
import dev.tollgate.trail.DecisionFilter;
import io.helidon.common.parameters.Parameters;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The filters and page of a decision list as query parameters (or form fields): from, to, application, effect,
 * route, rule, entity_type, offset, limit. An empty value is no filter; anything unknown or unreadable is 400.
 */
record DecisionQuery(DecisionFilter filter, int offset, int limit) {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Set<String> NAMES = Set.of("from", "to", "application", "effect", "route", "rule",
            "entity_type", "offset", "limit");

    static DecisionQuery parse(Parameters query, Set<String> alsoAllowed) {
        for (String name : query.names()) {
            if (!NAMES.contains(name) && !alsoAllowed.contains(name)) {
                throw badRequest("unknown query parameter '" + name + "'; allowed: from, to, application, effect, "
                        + "route, rule, entity_type, offset, limit");
            }
        }
        String effect = text(query, "effect");
        if (effect != null && !effect.equals("allow") && !effect.equals("deny")) {
            throw badRequest("effect must be allow or deny");
        }
        return new DecisionQuery(new DecisionFilter(time(query, "from"), time(query, "to"), text(query, "application"),
                effect, text(query, "route"), text(query, "rule"), text(query, "entity_type")),
                number(query, "offset", 0, Integer.MAX_VALUE, 0), number(query, "limit", 1, MAX_LIMIT, DEFAULT_LIMIT));
    }

    /** A time: an ISO-8601 instant (2026-12-06T09:00:00Z) or a date (2026-12-06, its start in UTC). */
    static Instant time(String name, String value) {
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw badRequest(name + " must be an ISO-8601 instant (2026-12-06T09:00:00Z) or a date (2026-12-06)");
        }
    }

    private static Instant time(Parameters query, String name) {
        String value = text(query, name);
        return value == null ? null : time(name, value);
    }

    private static String text(Parameters query, String name) {
        return query.first(name).asOptional().map(String::strip).filter(value -> !value.isEmpty()).orElse(null);
    }

    private static int number(Parameters query, String name, int min, int max, int otherwise) {
        String value = text(query, name);
        if (value == null) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw badRequest(name + " must be an integer from " + min + " to " + max);
    }

    private static ProblemException badRequest(String detail) {
        return new ProblemException(HttpProblem.BAD_REQUEST, detail);
    }
}
