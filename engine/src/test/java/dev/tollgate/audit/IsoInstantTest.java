package dev.tollgate.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Linkage reads each record's instant digit by digit: the same instants, and the same refusals, as Instant.parse. */
class IsoInstantTest {
    private static final List<String> READ = List.of("2026-12-06T07:43:56.969491649Z", "2026-12-06T07:43:56Z",
            "2026-12-06T07:43:56.9Z", "2024-02-29T23:59:59.123456Z", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59.5Z",
            "2026-12-06T07:43:56+01:00", "2026-12-06t07:43:56z", "2016-12-31T23:59:60Z", "0000-01-01T00:00:00Z");
    private static final List<String> OTHERS = List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-12-06T24:00:00Z", "2026-12-06T07:60:00Z", "2026-12-06T07:43:56.Z", "2026-12-06T07:43:56.1234567890Z",
            "2026-12-06 07:43:56Z", "2026-12-06T07:43:5xZ", "2026-12-06T07:43:56", "yesterday");

    @Test
    void readsWhatInstantParseReads() {
        for (String iso : READ) {
            assertEquals(Instant.parse(iso), IsoInstant.parse(iso), iso);
        }
    }

    @Test
    void refusesWhatInstantParseRefusesAndReadsTheRestAsItDoes() {
        int refused = 0;
        for (String iso : OTHERS) {
            Instant expected;
            try {
                expected = Instant.parse(iso);
            } catch (DateTimeParseException e) {
                assertThrows(DateTimeParseException.class, () -> IsoInstant.parse(iso), iso);
                refused++;
                continue;
            }
            assertEquals(expected, IsoInstant.parse(iso), iso);
        }
        assertTrue(refused >= 8, "refused " + refused);
    }
}
