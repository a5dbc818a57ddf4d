package dev.tollgate.api;

import dev.tollgate.terms.Refusal;
import dev.tollgate.terms.Refusal.Kind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The statuses and problem types a domain refusal is answered with: the wire as it was before the refusal was typed. */
class RefusalProblemsTest {
    @Test
    void everyKindIsAnsweredWithItsStatusAndProblemType() {
        Map<Kind, Integer> statuses = Map.ofEntries(
                Map.entry(Kind.TOKEN_INVALID, 403), Map.entry(Kind.TOKEN_INPUT_MISMATCH, 403),
                Map.entry(Kind.TOKEN_APPLICATION_MISMATCH, 403), Map.entry(Kind.TOKEN_EXPIRED, 410),
                Map.entry(Kind.TOKEN_USED, 409), Map.entry(Kind.DECISION_LOG_UNAVAILABLE, 503),
                Map.entry(Kind.DETECTOR_UNAVAILABLE, 503), Map.entry(Kind.DESTINATION_TIMEOUT, 504),
                Map.entry(Kind.DESTINATION_RATE_LIMITED, 503), Map.entry(Kind.EXECUTOR_OVERLOADED, 503),
                Map.entry(Kind.DESTINATION_BAD_RESPONSE, 502), Map.entry(Kind.CONTEXT_EXCEEDED, 422),
                Map.entry(Kind.TOOLS_NEED_CLOUD, 422), Map.entry(Kind.UNSUPPORTED_BY_DESTINATION, 422),
                Map.entry(Kind.DESTINATION_UNAVAILABLE, 503), Map.entry(Kind.DESTINATION_UNREACHABLE, 502),
                Map.entry(Kind.VALIDATION_QUEUE_UNAVAILABLE, 503), Map.entry(Kind.CLIENT_ABORT, 400),
                Map.entry(Kind.REVIEW_HOLD_UNAVAILABLE, 503), Map.entry(Kind.INTERNAL, 500));
        assertEquals(Kind.values().length, statuses.size(), "a kind without an expected status");
        statuses.forEach((kind, status) -> {
            Problem problem = RefusalProblems.of(new Refusal(kind, "detail")).toProblem("/v1/execute");
            assertEquals(status, problem.status(), kind.name());
            assertEquals(Problem.TYPE_BASE + kind.wire(), problem.type(), kind.name());
            assertEquals("detail", problem.detail());
        });
    }

    @Test
    void aTokenRefusalIsTitledByWhetherItExpired() {
        assertEquals("Token expired", RefusalProblems.of(new Refusal(Kind.TOKEN_EXPIRED, "d")).toProblem(null).title());
        assertEquals("Token refused", RefusalProblems.of(new Refusal(Kind.TOKEN_INVALID, "d")).toProblem(null).title());
    }
}
