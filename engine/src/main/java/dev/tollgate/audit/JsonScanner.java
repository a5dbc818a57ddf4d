package dev.tollgate.audit;

import java.util.Arrays;

/**
 * Finds where a JSON value ends in a line's UTF-8 bytes, checking it on the way, without decoding it: RFC 8259
 * syntax, well-formed UTF-8 in strings, no control characters in them, no field name twice in one object. It accepts
 * no more than Jackson's default parser does and refuses some of what Jackson takes (field names with escapes or over
 * {@value #MAX_NAME} bytes, nesting deeper than {@value #MAX_DEPTH}, numbers longer than {@value #MAX_NUMBER}
 * characters, lines over the caller's limit), so a caller that leaves every refused line to Jackson's full parse
 * words every failure as before. One scanner per thread.
 */
final class JsonScanner {
    /** What the scanning methods return for bytes they refuse. */
    static final int REFUSED = -1;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_NUMBER = 100;
    private static final int MAX_NAME = 1000;
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** The field names of the open objects, as start and end offsets. */
    private int[] names = new int[64];
    private int nameCount;
    private boolean escaped;

    /** The end of the value starting at from, or {@link #REFUSED}. */
    int value(byte[] b, int from) {
        nameCount = 0;
        return value(b, from, 0);
    }

    /** The end of the string starting at from (its opening quote), or {@link #REFUSED}. */
    int string(byte[] b, int from) {
        escaped = false;
        int i = from + 1;
        while (i < b.length) {
            int c = b[i];
            if (c == '"') {
                return i + 1;
            } else if (c == '\\') {
                escaped = true;
                i = escape(b, i);
            } else if (c >= 0x20) {
                i++;
            } else if (c < 0) {
                i = utf8(b, i);
            } else {
                return REFUSED;
            }
            if (i == REFUSED) {
                return REFUSED;
            }
        }
        return REFUSED;
    }

    /** The end of the field name starting at from (its opening quote), or {@link #REFUSED}. */
    int name(byte[] b, int from) {
        int end = string(b, from);
        return end == REFUSED || escaped || end - from - 2 > MAX_NAME ? REFUSED : end;
    }

    /** Whether the last string scanned held an escape sequence. */
    boolean escaped() {
        return escaped;
    }

    /** The first offset from on that is not JSON whitespace. */
    static int skipSpace(byte[] b, int from) {
        int i = from;
        while (i < b.length && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) {
            i++;
        }
        return i;
    }

    private int value(byte[] b, int from, int depth) {
        if (from >= b.length) {
            return REFUSED;
        }
        return switch (b[from]) {
            case '{' -> depth == MAX_DEPTH ? REFUSED : object(b, from, depth + 1);
            case '[' -> depth == MAX_DEPTH ? REFUSED : array(b, from, depth + 1);
            case '"' -> string(b, from);
            case 't' -> literal(b, from, TRUE);
            case 'f' -> literal(b, from, FALSE);
            case 'n' -> literal(b, from, NULL);
            default -> number(b, from);
        };
    }

    private int object(byte[] b, int from, int depth) {
        int first = nameCount;
        int i = skipSpace(b, from + 1);
        if (i < b.length && b[i] == '}') {
            return i + 1;
        }
        while (i < b.length && b[i] == '"') {
            int nameEnd = name(b, i);
            if (nameEnd == REFUSED || !newName(b, first, i + 1, nameEnd - 1)) {
                return REFUSED;
            }
            i = skipSpace(b, nameEnd);
            if (i >= b.length || b[i] != ':') {
                return REFUSED;
            }
            i = value(b, skipSpace(b, i + 1), depth);
            if (i == REFUSED) {
                return REFUSED;
            }
            i = skipSpace(b, i);
            if (i < b.length && b[i] == '}') {
                nameCount = first;
                return i + 1;
            }
            if (i >= b.length || b[i] != ',') {
                return REFUSED;
            }
            i = skipSpace(b, i + 1);
        }
        return REFUSED;
    }

    private int array(byte[] b, int from, int depth) {
        int i = skipSpace(b, from + 1);
        if (i < b.length && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            i = value(b, i, depth);
            if (i == REFUSED) {
                return REFUSED;
            }
            i = skipSpace(b, i);
            if (i < b.length && b[i] == ']') {
                return i + 1;
            }
            if (i >= b.length || b[i] != ',') {
                return REFUSED;
            }
            i = skipSpace(b, i + 1);
        }
    }

    /** False when the object opened at first already has this name; else notes it. */
    private boolean newName(byte[] b, int first, int start, int end) {
        for (int n = first; n < nameCount; n++) {
            if (Arrays.equals(b, names[2 * n], names[2 * n + 1], b, start, end)) {
                return false;
            }
        }
        if (2 * nameCount + 2 > names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[2 * nameCount] = start;
        names[2 * nameCount + 1] = end;
        nameCount++;
        return true;
    }

    private static int escape(byte[] b, int at) {
        if (at + 1 >= b.length) {
            return REFUSED;
        }
        switch (b[at + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return at + 2;
            }
            case 'u' -> {
                if (at + 6 > b.length) {
                    return REFUSED;
                }
                for (int i = at + 2; i < at + 6; i++) {
                    if (Character.digit(b[i], 16) < 0) {
                        return REFUSED;
                    }
                }
                return at + 6;
            }
            default -> {
                return REFUSED;
            }
        }
    }

    /** The end of the well-formed UTF-8 sequence of two to four bytes at at (Unicode table 3-7). */
    private static int utf8(byte[] b, int at) {
        int lead = b[at] & 0xFF;
        int more;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            more = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            more = 2;
            low = lead == 0xE0 ? 0xA0 : low;
            high = lead == 0xED ? 0x9F : high;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            more = 3;
            low = lead == 0xF0 ? 0x90 : low;
            high = lead == 0xF4 ? 0x8F : high;
        } else {
            return REFUSED;
        }
        if (at + more >= b.length) {
            return REFUSED;
        }
        for (int k = 1; k <= more; k++) {
            int c = b[at + k] & 0xFF;
            if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xBF)) {
                return REFUSED;
            }
        }
        return at + more + 1;
    }

    private static int number(byte[] b, int from) {
        int i = from < b.length && b[from] == '-' ? from + 1 : from;
        if (i < b.length && b[i] == '0') {
            i++;
        } else {
            int digits = digits(b, i);
            if (digits == i) {
                return REFUSED;
            }
            i = digits;
        }
        if (i < b.length && b[i] == '.') {
            int digits = digits(b, i + 1);
            if (digits == i + 1) {
                return REFUSED;
            }
            i = digits;
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int digits = digits(b, i);
            if (digits == i) {
                return REFUSED;
            }
            i = digits;
        }
        return i - from > MAX_NUMBER ? REFUSED : i;
    }

    private static int digits(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i;
    }

    private static int literal(byte[] b, int from, byte[] word) {
        int end = from + word.length;
        return end <= b.length && Arrays.equals(b, from, end, word, 0, word.length) ? end : REFUSED;
    }
}
