package dev.tollgate.pii.ner;

import com.ibm.icu.util.VersionInfo;
import java.util.List;
import net.datafaker.Faker;

/** The packages the gazetteer and the corpus draw on, with versions and licences, for the report and the key. */
final class KnowledgeSources {
    private KnowledgeSources() {
    }

    static List<String> lines() {
        return List.of(
                "com.ibm.icu:icu4j " + VersionInfo.ICU_VERSION + " (CLDR " + com.ibm.icu.util.LocaleData
                        .getCLDRVersion() + "), Unicode License v3: region display names and time-zone exemplar"
                        + " cities in " + PlaceNames.DISPLAY_LANGUAGES.size() + " languages",
                "net.datafaker:datafaker " + version(Faker.class) + ", Apache-2.0: given names, surnames, cities,"
                        + " companies in en/de/fr/es/it and names in " + Gazetteer.NAME_LOCALES);
    }

    static String fingerprint() {
        return String.join("|", lines());
    }

    private static String version(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
