package dev.tollgate.execute;

import java.util.function.Consumer;

/**
 * Restores placeholders in an answer that arrives piece by piece. A placeholder can be split across pieces
 * ("<PER", "SON_1>"), so text is passed on only up to the last whitespace that is at least {@link #HOLD} chars
 * before the end of what has arrived and lies neither after an opening nor before a closing bracket
 * ("< PERSON_1 >" is a placeholder form): no placeholder form reaches that far, so what is passed on never ends inside one.
 */
final class StreamingRestorer {
    /** Longer than any placeholder form {@link dev.tollgate.mask.MaskingSession#restore} recognises. */
    private static final int HOLD = 96;

    private final MaskedLegs legs;
    private final Consumer<String> downstream;
    private final StringBuilder pending = new StringBuilder();

    StreamingRestorer(MaskedLegs legs, Consumer<String> downstream) {
        this.legs = legs;
        this.downstream = downstream;
    }

    void accept(String piece) {
        if (legs.restoresNothing()) {
            downstream.accept(piece);
            return;
        }
        pending.append(piece);
        int cut = safeCut();
        if (cut > 0) {
            emit(pending.substring(0, cut));
            pending.delete(0, cut);
        }
    }

    void finish() {
        if (!pending.isEmpty()) {
            emit(pending.toString());
            pending.setLength(0);
        }
    }

    private int safeCut() {
        for (int i = pending.length() - HOLD; i > 0; i--) {
            if (Character.isWhitespace(pending.charAt(i - 1)) && !Character.isWhitespace(pending.charAt(i))
                    && ">]}&".indexOf(pending.charAt(i)) < 0 && !afterOpeningBracket(i - 1)) {
                return i;
            }
        }
        return 0;
    }

    private boolean afterOpeningBracket(int whitespace) {
        int before = whitespace;
        while (before > 0 && Character.isWhitespace(pending.charAt(before - 1))) {
            before--;
        }
        return before > 0 && "<[{;".indexOf(pending.charAt(before - 1)) >= 0;
    }

    private void emit(String text) {
        String restored = legs.restore(text);
        if (!restored.isEmpty()) {
            downstream.accept(restored);
        }
    }
}
