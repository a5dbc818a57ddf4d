package dev.tollgate.terms;

/** Something the executor must do when it carries out a decision, as the packs name it. */
public enum ObligationType implements WireValue {
    MASK, DISCLOSE_AI_INTERACTION, HUMAN_OVERSIGHT, RECORD_KEEPING;

    /** @throws IllegalArgumentException if {@code wire} names no obligation type */
    public static ObligationType of(String wire) {
        return WireValue.of(ObligationType.class, wire);
    }
}
