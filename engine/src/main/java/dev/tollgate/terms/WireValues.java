package dev.tollgate.terms;

import java.util.Arrays;
import java.util.List;

/** Reads an enum from its wire value, the one way every enum of this package does it. */
final class WireValues {
    private WireValues() {
    }

    interface Wire {
        String wire();
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code wire} is none of them */
    static <E extends Enum<E> & Wire> E of(Class<E> type, String wire, String what) {
        for (E value : type.getEnumConstants()) {
            if (value.wire().equals(wire)) {
                return value;
            }
        }
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(Wire::wire).toList();
        throw new IllegalArgumentException("unknown " + what + " \"" + wire + "\"; allowed: " + allowed);
    }
}
