package dev.tollgate.pii.ner;

/** Values for the {SLOT} placeholders of sentence templates in one language. */
public interface SlotValues {
    String language();

    /** A fresh value for the slot; throws IllegalArgumentException for an unknown slot. */
    String value(String slot);

    /** The entity type the slot's value is labelled with, or null when it is plain text. */
    String typeOf(String slot);
}
