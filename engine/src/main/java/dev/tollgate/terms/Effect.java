package dev.tollgate.terms;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a decision does with a request. */
public enum Effect implements WireValues.Wire {
    ALLOW("allow"),
    DENY("deny");

    private final String wire;

    Effect(String wire) {
        this.wire = wire;
    }

    /** @throws IllegalArgumentException if {@code wire} names no effect */
    public static Effect of(String wire) {
        return WireValues.of(Effect.class, wire, "effect");
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
