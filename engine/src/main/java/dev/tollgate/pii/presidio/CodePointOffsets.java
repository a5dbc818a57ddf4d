package dev.tollgate.pii.presidio;

/**
 * Converts Presidio's offsets, which count code points (Python string indices), to the UTF-16 code unit offsets
 * of {@link dev.tollgate.pii.Finding}. They differ after any character outside the Basic Multilingual Plane.
 */
final class CodePointOffsets {
    private final int[] utf16Index;
    private final int codePoints;

    private CodePointOffsets(int[] utf16Index, int codePoints) {
        this.utf16Index = utf16Index;
        this.codePoints = codePoints;
    }

    static CodePointOffsets of(String text) {
        int count = text.codePointCount(0, text.length());
        if (count == text.length()) {
            return new CodePointOffsets(null, count);
        }
        int[] index = new int[count + 1];
        int unit = 0;
        for (int cp = 0; cp < count; cp++) {
            index[cp] = unit;
            unit += Character.charCount(text.codePointAt(unit));
        }
        index[count] = unit;
        return new CodePointOffsets(index, count);
    }

    int codePoints() {
        return codePoints;
    }

    /** The UTF-16 offset of a code point offset in [0, codePoints()]. */
    int toUtf16(int codePointOffset) {
        return utf16Index == null ? codePointOffset : utf16Index[codePointOffset];
    }
}
