package dev.tollgate.api;

import dev.tollgate.terms.RequestIds;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every HTTP request: its ids ({@code X-Request-Id}, {@code traceparent}) taken or made, held for the thread that
 * serves it and echoed on the answer; then one access log line and the HTTP server metrics once it is answered.
 * <p>
 * The access line holds the method, the path without its query, the status, the time in milliseconds and the ids:
 * never a body, a query string or a header value other than the ids, which could carry personal data.
 */
final class ObservedRequests implements Filter {
    static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");
    static final HeaderName TRACEPARENT = HeaderNames.create("traceparent");
    /** The access log's logger: operators can route or silence it apart. */
    static final String ACCESS_LOGGER = "dev.tollgate.access";
    /** Longer paths are cut in the access log (a path is the caller's text). */
    private static final int MAX_LOGGED_PATH = 200;
    private static final System.Logger ACCESS = System.getLogger(ACCESS_LOGGER);

    private final ServiceMetrics metrics;

    ObservedRequests(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        metrics.httpRequestStarted();
        RequestIds ids = RequestIds.of(req.headers().first(REQUEST_ID).orElse(null),
                req.headers().first(TRACEPARENT).orElse(null));
        res.header(REQUEST_ID, ids.requestId());
        res.header(TRACEPARENT, ids.traceparent());
        // Observed as the answer starts to go out, so that a caller that has the answer finds it counted and logged;
        // an answer that never went out (the client left first) is observed when the routing ends.
        AtomicBoolean observed = new AtomicBoolean();
        String path = req.path().rawPath(); // routing makes it relative to a registered service's
        Runnable observe = () -> {
            if (observed.compareAndSet(false, true)) {
                answered(req, res, path, ids, System.nanoTime() - start);
            }
        };
        res.beforeSend(observe);
        ids.during(() -> {
            try {
                chain.proceed();
            } finally {
                observe.run();
                metrics.httpRequestEnded();
            }
        });
    }

    private void answered(RoutingRequest req, RoutingResponse res, String path, RequestIds ids, long nanos) {
        String method = req.prologue().method().text();
        int status = res.status().code();
        metrics.httpRequest(method, req.matchingPattern().filter(route -> !route.isEmpty())
                .orElse(ServiceMetrics.UNMATCHED_ROUTE), status, nanos);
        if (path.length() > MAX_LOGGED_PATH) {
            path = path.substring(0, MAX_LOGGED_PATH) + "...";
        }
        ACCESS.log(Level.INFO, String.format(Locale.ROOT, "%s %s %d %.1f ms request_id=%s trace_id=%s", method, path,
                status, nanos / 1e6, ids.requestId(), ids.traceId()));
    }
}
