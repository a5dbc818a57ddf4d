package dev.tollgate.config;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them (officially assigned codes only). */
public final class CountryCodes {
    private static final Set<String> ASSIGNED = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private CountryCodes() {
    }

    public static boolean isAssigned(String code) {
        return code != null && ASSIGNED.contains(code);
    }
}
