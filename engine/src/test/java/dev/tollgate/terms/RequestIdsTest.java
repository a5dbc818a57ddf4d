package dev.tollgate.terms;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which X-Request-Id and traceparent values are kept, and which are replaced by new ones. */
class RequestIdsTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aSaneRequestIdIsKeptAnythingElseReplaced() {
        assertEquals("abc-123/x y", RequestIds.of("abc-123/x y", null).requestId());
        assertEquals("r".repeat(128), RequestIds.of("r".repeat(128), null).requestId());
        for (String insane : new String[]{"r".repeat(129), "", " padded", "new\nline", "tab\there", "caf\u00e9"}) {
            String made = RequestIds.of(insane, null).requestId();
            assertNotEquals(insane, made);
            assertTrue(made.matches("[0-9a-f-]{36}"), made);
        }
    }

    @Test
    void aValidTraceparentGivesItsTraceIdAnInvalidOneIsIgnored() {
        assertEquals(Optional.of(TRACE), RequestIds.traceId("00-" + TRACE + "-00f067aa0ba902b7-01"));
        assertEquals(Optional.of(TRACE), RequestIds.traceId("01-" + TRACE + "-00f067aa0ba902b7-00-later-field"));
        for (String invalid : new String[]{"ff-" + TRACE + "-00f067aa0ba902b7-01",
                "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", "00-" + TRACE + "-0000000000000000-01",
                "00-" + TRACE.toUpperCase() + "-00f067aa0ba902b7-01", "00-" + TRACE + "-00f067aa0ba902b7-01-extra",
                "00-" + TRACE + "-00f067aa0ba902b7", "garbage"}) {
            assertEquals(Optional.empty(), RequestIds.traceId(invalid), invalid);
        }
        RequestIds made = RequestIds.of(null, "garbage");
        assertTrue(made.traceId().matches("[0-9a-f]{32}") && !made.traceId().equals("0".repeat(32)));
    }

    @Test
    void theEchoedTraceparentContinuesTheTraceWithItsOwnSpan() {
        RequestIds ids = RequestIds.of(null, "00-" + TRACE + "-00f067aa0ba902b7-01");
        assertTrue(ids.traceparent().matches("00-" + TRACE + "-[0-9a-f]{16}-01"), ids.traceparent());
        assertEquals(Optional.of(TRACE), RequestIds.traceId(ids.traceparent()));
    }

    @Test
    void theIdsAreTheThreadsOnlyWhileTheRequestIsServed() {
        RequestIds ids = RequestIds.of("req-1", null);
        AtomicReference<Optional<RequestIds>> inside = new AtomicReference<>();
        ids.during(() -> inside.set(RequestIds.current()));
        assertEquals(Optional.of(ids), inside.get());
        assertEquals(Optional.empty(), RequestIds.current());
    }
}
