package dev.tollgate.facts;

/**
 * Where the data subject is.
 *
 * @param country ISO 3166-1 alpha-2 code, or "ZZ" when unknown (treated as the strictest case by the packs)
 */
public record SubjectFacts(String country) {
    /** The country code the packs read as unknown, and treat as the strictest case. */
    public static final String UNKNOWN_COUNTRY = "ZZ";
}
