package dev.tollgate.terms;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a route is carried out. A routing pack chooses static, cascade or draft_verify; offline is what an
 * execution reports when the cloud it should have reached was unreachable and the on-device model answered.
 */
public enum Strategy implements WireValues.Wire {
    STATIC("static"),
    CASCADE("cascade"),
    DRAFT_VERIFY("draft_verify"),
    OFFLINE("offline");

    private final String wire;

    Strategy(String wire) {
        this.wire = wire;
    }

    /** @throws IllegalArgumentException if {@code wire} names no strategy */
    public static Strategy of(String wire) {
        return WireValues.of(Strategy.class, wire, "strategy");
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
