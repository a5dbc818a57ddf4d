package dev.tollgate.mask;

import java.util.Locale;
import java.util.Optional;

/** How one entity type is masked. */
public enum Operator {
    /** A typed placeholder numbered per request, {@code <PERSON_1>}; the only operator a session can restore. */
    REPLACE,
    /**
     * {@code <REDACTED>}. A marker rather than removal: removing the value would join the words around it and
     * hide from the model that something stood there.
     */
    REDACT,
    /**
     * {@code <PERSON#3f9a1c2b7d4e5f60>}: the first 16 hex digits of HMAC-SHA256 over the type and the value under
     * the caller's key, so the same value gives the same token across requests without being restorable.
     */
    HASH,
    /**
     * Every code point before the fourth-last letter or digit becomes {@code *}, the rest is kept:
     * {@code 4111 1111 1111 1234} gives {@code ***************1234}. A value with four or fewer letters or digits is
     * masked whole.
     */
    PARTIAL;

    /** The operator named {@code name} in any case ("replace", "REDACT"), if there is one. */
    public static Optional<Operator> named(String name) {
        for (Operator o : values()) {
            if (o.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
