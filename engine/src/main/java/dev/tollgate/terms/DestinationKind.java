package dev.tollgate.terms;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a destination's model runs: on the device, in-process ("slm"), or behind an OpenAI-compatible server ("cloud"). */
public enum DestinationKind implements WireValues.Wire {
    SLM("slm"),
    CLOUD("cloud");

    private final String wire;

    DestinationKind(String wire) {
        this.wire = wire;
    }

    /** @throws IllegalArgumentException if {@code wire} names no destination kind */
    public static DestinationKind of(String wire) {
        return WireValues.of(DestinationKind.class, wire, "destination kind");
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
