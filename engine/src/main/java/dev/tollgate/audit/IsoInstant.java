package dev.tollgate.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Reads an ISO-8601 instant as {@link Instant#parse} does, the form the log writes ({@code 2026-12-06T07:43:56.969Z}:
 * UTC, zero to nine digits of fraction) digit by digit: verify reads one per record, and the formatter's general
 * parser is slow to run and to compile in a short command. Any other form goes to {@link Instant#parse}.
 */
final class IsoInstant {
    private static final int[] SCALE = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoInstant() {
    }

    /** @throws java.time.format.DateTimeParseException as {@link Instant#parse} does */
    static Instant parse(String iso) {
        int n = iso.length();
        if (n < 20 || n == 21 || n > 30 || iso.charAt(4) != '-' || iso.charAt(7) != '-' || iso.charAt(10) != 'T'
                || iso.charAt(13) != ':' || iso.charAt(16) != ':' || iso.charAt(n - 1) != 'Z'
                || (n > 20 && iso.charAt(19) != '.')) {
            return Instant.parse(iso);
        }
        int year = digits(iso, 0, 4);
        int month = digits(iso, 5, 7);
        int day = digits(iso, 8, 10);
        int hour = digits(iso, 11, 13);
        int minute = digits(iso, 14, 16);
        int second = digits(iso, 17, 19);
        int fraction = n > 20 ? digits(iso, 20, n - 1) : 0;
        if (year < 1 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59 || fraction < 0) {
            return Instant.parse(iso);
        }
        int nanos = n > 20 ? fraction * SCALE[n - 22] : 0;
        try {
            return LocalDate.of(year, month, day).atTime(hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return Instant.parse(iso);
        }
    }

    /** The decimal number in iso[from, to), or -1 when a character there is not an ASCII digit. */
    private static int digits(String iso, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = iso.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
