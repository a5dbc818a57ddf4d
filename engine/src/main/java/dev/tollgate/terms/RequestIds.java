package dev.tollgate.terms;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id and W3C trace id of the HTTP request the current thread serves: taken from {@code X-Request-Id}
 * and {@code traceparent} when they are sane, generated otherwise, and echoed, logged and written into the decision
 * record. Helidon serves each request on one virtual thread, so the ids are held for the thread while the request
 * is handled ({@link #during}).
 *
 * @param requestId printable ASCII, at most {@value #MAX_REQUEST_ID} characters
 * @param traceId   32 lower-case hex digits, not all zero
 */
public record RequestIds(String requestId, String traceId) {
    public static final int MAX_REQUEST_ID = 128;
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]([\\x20-\\x7e]*[\\x21-\\x7e])?");
    /** version 00: {@code 00-<trace id>-<parent id>-<flags>}; later versions may append fields after a dash. */
    private static final Pattern TRACEPARENT = Pattern.compile(
            "([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final ThreadLocal<RequestIds> CURRENT = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The ids of a request with these header values (null when absent); an insane value is replaced by a new one. */
    public static RequestIds of(String requestIdHeader, String traceparentHeader) {
        String requestId = requestIdHeader != null && requestIdHeader.length() <= MAX_REQUEST_ID
                && PRINTABLE.matcher(requestIdHeader).matches() ? requestIdHeader : UUID.randomUUID().toString();
        return new RequestIds(requestId, traceId(traceparentHeader).orElseGet(RequestIds::newTraceId));
    }

    /** The trace id of a valid traceparent header; empty for an invalid one (W3C Trace Context, level 1). */
    static Optional<String> traceId(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var m = TRACEPARENT.matcher(traceparent.strip());
        if (!m.matches() || m.group(1).equals("ff") || (m.group(1).equals("00") && m.group(5) != null)
                || m.group(2).chars().allMatch(c -> c == '0') || m.group(3).chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        return Optional.of(m.group(2));
    }

    private static String newTraceId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] |= 1; // never all zero
        return HexFormat.of().formatHex(bytes);
    }

    /** The traceparent that continues this trace from Tollgate's own span. */
    public String traceparent() {
        byte[] span = new byte[8];
        RANDOM.nextBytes(span);
        span[0] |= 1;
        return "00-" + traceId + "-" + HexFormat.of().formatHex(span) + "-01";
    }

    /** Runs {@code work} with these ids as the current thread's. */
    public void during(Runnable work) {
        RequestIds outer = CURRENT.get();
        CURRENT.set(this);
        try {
            work.run();
        } finally {
            CURRENT.set(outer);
        }
    }

    /** The ids of the request the current thread serves; empty outside a request (startup, background work). */
    public static Optional<RequestIds> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
