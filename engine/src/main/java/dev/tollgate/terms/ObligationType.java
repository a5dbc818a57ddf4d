package dev.tollgate.terms;

import com.fasterxml.jackson.annotation.JsonValue;

/** Something the executor must do when it carries out a decision, as the packs name it. */
public enum ObligationType implements WireValues.Wire {
    MASK("mask"),
    DISCLOSE_AI_INTERACTION("disclose_ai_interaction"),
    HUMAN_OVERSIGHT("human_oversight"),
    RECORD_KEEPING("record_keeping");

    private final String wire;

    ObligationType(String wire) {
        this.wire = wire;
    }

    /** @throws IllegalArgumentException if {@code wire} names no obligation type */
    public static ObligationType of(String wire) {
        return WireValues.of(ObligationType.class, wire, "obligation type");
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
