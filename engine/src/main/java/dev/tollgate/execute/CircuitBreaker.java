package dev.tollgate.execute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tracks whether one destination is reachable. Closed: requests go through, and {@code failureThreshold}
 * consecutive failures open it. Open: requests are rejected for {@code openDuration}. Half-open: one probe at
 * a time goes through; its success closes the circuit, its failure opens it again.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int failureThreshold;
    private final Duration openDuration;
    private final Clock clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean probeInFlight;

    public CircuitBreaker(int failureThreshold, Duration openDuration, Clock clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1");
        }
        if (openDuration.isNegative()) {
            throw new IllegalArgumentException("openDuration must not be negative");
        }
        this.failureThreshold = failureThreshold;
        this.openDuration = openDuration;
        this.clock = clock;
    }

    /** Whether a request may go to the destination now; in half-open, true only for the one probe. */
    public synchronized boolean allowRequest() {
        return switch (state()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (probeInFlight) {
                    yield false;
                }
                probeInFlight = true;
                yield true;
            }
        };
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    public synchronized void onFailure() {
        if (state() == State.HALF_OPEN) {
            open();
            return;
        }
        consecutiveFailures++;
        if (state == State.CLOSED && consecutiveFailures >= failureThreshold) {
            open();
        }
    }

    /** The state now: an open circuit whose open duration has passed reads as half-open. */
    public synchronized State state() {
        if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(openDuration))) {
            state = State.HALF_OPEN;
            probeInFlight = false;
        }
        return state;
    }

    private void open() {
        state = State.OPEN;
        openedAt = clock.instant();
        probeInFlight = false;
    }
}
