package dev.tollgate.pii.ner;

import com.ibm.icu.util.VersionInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.datafaker.Faker;

/** The packages the gazetteer and the corpus draw on, with versions and licences, for the training report. */
final class KnowledgeSources {
    private KnowledgeSources() {
    }

    /** The Maven packages, then the registry packages of scripts/knowledge.sh as its SOURCES file states them. */
    static List<String> lines(RegistryKnowledge knowledge) {
        return Stream.concat(Stream.of(
                "com.ibm.icu:icu4j " + VersionInfo.ICU_VERSION + " (CLDR " + com.ibm.icu.util.LocaleData
                        .getCLDRVersion() + "), Unicode License v3: region display names and time-zone exemplar"
                        + " cities in " + PlaceNames.DISPLAY_LANGUAGES.size() + " languages",
                "net.datafaker:datafaker " + version(Faker.class) + ", Apache-2.0: given names, surnames, cities,"
                        + " companies in en/de/fr/es/it and names in " + GazetteerBuilder.NAME_LOCALES),
                knowledge.sources().stream()).toList();
    }

    private static String version(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }
}
