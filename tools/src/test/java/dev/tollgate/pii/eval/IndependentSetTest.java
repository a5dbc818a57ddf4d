package dev.tollgate.pii.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.ner.AnnotatedText;
import dev.tollgate.pii.recognizers.Luhn;
import dev.tollgate.testing.Repo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndependentSetTest {
    private static final Path DIR = IndependentSet.directory(Repo.ROOT);
    private static final Set<String> TYPES = Set.of("PERSON", "LOCATION", "ORGANIZATION", "STREET_ADDRESS",
            "CREDIT_CARD");
    private static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "es", "it");

    @Test
    void eachJsonlFileIsWhatItsSourcesSay() throws IOException {
        for (String part : IndependentSet.PARTS) {
            assertEquals(IndependentSet.fromSources(DIR, part), LabelledSet.read(DIR.resolve(part + ".jsonl")),
                    part + ".jsonl is stale: rerun IndependentSet");
        }
    }

    @Test
    void theTestPartHasTwoThousandEntitiesOfFiveTypesAndThreeHundredPerLanguage() throws IOException {
        List<AnnotatedText> texts = LabelledSet.read(DIR.resolve("test.jsonl"));
        Map<String, Integer> perLanguage = new TreeMap<>();
        for (AnnotatedText text : texts) {
            for (AnnotatedText.Span span : text.spans()) {
                assertTrue(TYPES.contains(span.type()), span.type());
                perLanguage.merge(text.language(), 1, Integer::sum);
            }
        }
        assertEquals(LANGUAGES, perLanguage.keySet());
        perLanguage.forEach((language, count) -> assertTrue(count >= 300, language + ": " + count));
        assertTrue(perLanguage.values().stream().mapToInt(Integer::intValue).sum() >= 2000, perLanguage.toString());
    }

    @Test
    void everyLabelledCardPassesLuhn() throws IOException {
        for (String part : List.of("dev", "test")) {
            for (AnnotatedText text : LabelledSet.read(DIR.resolve(part + ".jsonl"))) {
                for (AnnotatedText.Span span : text.spans()) {
                    if (span.type().equals("CREDIT_CARD")) {
                        String digits = text.text().substring(span.start(), span.end()).replaceAll("\\D", "");
                        boolean card = digits.length() >= 12 && digits.length() <= 19 && Luhn.isValid(digits);
                        assertTrue(card, digits.length() + " digits at " + span.start() + " in a " + text.language()
                                + " text");
                    }
                }
            }
        }
    }

    @Test
    void hardNegativesAreThreeHundredTextsWithoutNamesPlacesOrOrganisations() throws IOException {
        assertTrue(hardNegatives("hard-negatives.jsonl").size() >= 300);
    }

    @Test
    void devHardNegativesHaveNoSpanAndShareNoTextWithTheTestOnes() throws IOException {
        Set<String> test = hardNegatives("hard-negatives.jsonl").stream().map(AnnotatedText::text)
                .collect(Collectors.toSet());
        for (String part : List.of("dev-hard-negatives.jsonl", "dev-hard-negatives-genres.jsonl")) {
            List<AnnotatedText> dev = hardNegatives(part);
            assertTrue(dev.size() >= 150, part + ": " + dev.size() + " texts");
            assertTrue(dev.stream().noneMatch(t -> test.contains(t.text())), part);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev-holdout-5", "dev-holdout-7", "dev-holdout-8", "dev-holdout-9"})
    void aHeldOutBatchSharesNoTextWithTheOtherPartsAndItsNegativesHaveNoSpan(String batch) throws IOException {
        List<AnnotatedText> heldOut = LabelledSet.read(DIR.resolve(batch + ".jsonl"));
        heldOut.addAll(hardNegatives(batch + "-negatives.jsonl"));
        assertTrue(heldOut.size() >= 150, heldOut.size() + " texts");
        for (String part : IndependentSet.PARTS) {
            if (!part.startsWith(batch)) {
                Set<String> others = LabelledSet.read(DIR.resolve(part + ".jsonl")).stream().map(AnnotatedText::text)
                        .collect(Collectors.toSet());
                assertTrue(heldOut.stream().noneMatch(t -> others.contains(t.text())), batch + " and " + part);
            }
        }
    }

    private static List<AnnotatedText> hardNegatives(String file) throws IOException {
        List<AnnotatedText> texts = LabelledSet.read(DIR.resolve(file));
        assertTrue(texts.stream().allMatch(t -> t.spans().isEmpty()), file + " has a span");
        Map<String, Long> perLanguage = texts.stream()
                .collect(Collectors.groupingBy(AnnotatedText::language, Collectors.counting()));
        assertEquals(LANGUAGES, perLanguage.keySet(), file);
        return texts;
    }
}
