package dev.tollgate.pii.ner;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Country and city names in many languages and scripts from ICU4J's CLDR data (com.ibm.icu:icu4j, Unicode
 * licence): the display name of every ISO 3166 region, and the exemplar city of every canonical time zone
 * ("Москва", "Αθήνα", "Kiew"). They feed the gazetteer and vary the training corpus beyond Datafaker's lists.
 */
final class PlaceNames {
    /** Display languages: the five supported ones, then neighbours whose scripts and spellings users paste. */
    static final List<String> DISPLAY_LANGUAGES = List.of("en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs",
            "hu", "fi", "sv", "da", "el", "ru", "uk", "bg", "tr", "ro", "hr");
    private static final Map<String, List<String>> COUNTRIES = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> CITIES = new ConcurrentHashMap<>();

    private PlaceNames() {
    }

    /** Every region's name in {@code language}, "Estonia" / "Estland" / "Эстония". */
    static List<String> countries(String language) {
        return COUNTRIES.computeIfAbsent(language, PlaceNames::loadCountries);
    }

    /** Exemplar cities of the time zones in {@code language}, "Chicago" / "Moskau" / "Αθήνα". */
    static List<String> cities(String language) {
        return CITIES.computeIfAbsent(language, PlaceNames::loadCities);
    }

    private static List<String> loadCountries(String language) {
        ULocale display = ULocale.forLanguageTag(language);
        Set<String> names = new LinkedHashSet<>();
        for (String region : ULocale.getISOCountries()) {
            String name = new ULocale("und_" + region).getDisplayCountry(display);
            if (!name.equals(region)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static List<String> loadCities(String language) {
        TimeZoneNames zones = TimeZoneNames.getInstance(ULocale.forLanguageTag(language));
        Set<String> names = new LinkedHashSet<>();
        // Sorted: ICU returns the zones as a set whose order differs between runs, and the corpus picks by index.
        for (String zone : new TreeSet<>(TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION,
                null, null))) {
            String city = zones.getExemplarLocationName(zone);
            if (city != null && !city.isBlank()) {
                names.add(city);
            }
        }
        return new ArrayList<>(names);
    }
}
