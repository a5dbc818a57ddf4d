package dev.tollgate.terms;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** An enum constant written as a wire value: by default its name in lower case, as the packs, API and log spell it. */
public interface WireValue {
    /** The constant's name (every enum has it). */
    String name();

    @JsonValue
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the allowed values when {@code wire} is none of them */
    static <E extends Enum<E> & WireValue> E of(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> value.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + type.getSimpleName() + " \"" + wire
                        + "\"; allowed: " + Arrays.stream(type.getEnumConstants()).map(WireValue::wire).toList()));
    }
}
