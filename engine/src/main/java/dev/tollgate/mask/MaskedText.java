package dev.tollgate.mask;

import java.util.List;

/** A text after masking, and its masked spans sorted by start. */
public record MaskedText(String text, List<MaskedSpan> spans) {
    public MaskedText {
        spans = List.copyOf(spans);
    }

    /** Without the text: what is left of the input must not reach a log through a toString either. */
    @Override
    public String toString() {
        return "MaskedText[" + text.length() + " chars, " + spans.size() + " spans]";
    }
}
