package dev.tollgate.pii.presidio;

import java.util.Arrays;
import java.util.Locale;

/** How much the detector relies on Presidio. */
public enum PresidioMode {
    /** Presidio is not called. */
    OFF,
    /** Presidio's findings are merged when it answers in time; otherwise local findings alone are used. */
    ADVISORY,
    /** Presidio must answer in time: when it does not, detection fails so that the caller can fail closed. */
    REQUIRED;

    /** Parses a configuration value such as "advisory", ignoring case and surrounding blanks. */
    public static PresidioMode parse(String value) {
        String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(mode -> mode.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Presidio mode must be one of off, advisory, required, not '" + value + "'"));
    }
}
