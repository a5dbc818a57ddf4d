package dev.tollgate.terms;

/** Where a destination's model runs: on the device, in-process ("slm"), or behind an OpenAI-compatible server ("cloud"). */
public enum DestinationKind implements WireValue {
    SLM, CLOUD;

    /** @throws IllegalArgumentException if {@code wire} names no destination kind */
    public static DestinationKind of(String wire) {
        return WireValue.of(DestinationKind.class, wire);
    }
}
