package dev.tollgate.pii.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TrainingCorpusTest {
    @Test
    void sameSeedGivesTheSameCorpus() {
        RegistryKnowledge knowledge = TestKnowledge.KNOWLEDGE;
        assertEquals(TrainingCorpus.generate(42, 200, knowledge), TrainingCorpus.generate(42, 200, knowledge));
        assertNotEquals(TrainingCorpus.generate(42, 200, knowledge), TrainingCorpus.generate(43, 200, knowledge));
    }

    @Test
    void everyLabelledSpanIsANonBlankEntityOfAKnownType() {
        for (AnnotatedText text : TrainingCorpus.generate(7, 500, TestKnowledge.KNOWLEDGE)) {
            for (AnnotatedText.Span span : text.spans()) {
                assertTrue(Set.of("PERSON", "LOCATION", "ORGANIZATION").contains(span.type()));
                String value = text.text().substring(span.start(), span.end());
                assertEquals(value.strip(), value);
                assertTrue(!value.isEmpty());
            }
        }
    }

    @Test
    void coversAllFiveLanguages() {
        Set<String> languages = new TreeSet<>();
        TrainingCorpus.generate(1, 50, TestKnowledge.KNOWLEDGE).forEach(t -> languages.add(t.language()));
        assertEquals(Set.copyOf(TrainingCorpus.LANGUAGES), languages);
    }

    @Test
    void adjacentSlotsOfOneTypeFormOneEntity() {
        AnnotatedText text = TemplateFiller.fill("Call {FIRST} {LAST} in {CITY}.", new FakeValues("en", 3));
        List<AnnotatedText.Span> spans = text.spans();
        assertEquals(2, spans.size());
        assertEquals("PERSON", spans.get(0).type());
        assertEquals(5, spans.get(0).start());
        assertTrue(text.text().substring(spans.get(0).start(), spans.get(0).end()).contains(" "));
        assertEquals("LOCATION", spans.get(1).type());
    }

    @Test
    void organisationsComeInManyShapesAndListedCompaniesAmongThem() {
        List<String> organisations = TrainingCorpus.generate(7, 3_000, TestKnowledge.KNOWLEDGE).stream()
                .flatMap(text -> text.spans().stream().filter(span -> span.type().equals("ORGANIZATION"))
                        .map(span -> text.text().substring(span.start(), span.end())))
                .toList();
        assertTrue(organisations.stream().anyMatch(TestKnowledge.KNOWLEDGE.companies()::contains));
        assertTrue(organisations.stream()
                .anyMatch(name -> name.matches("\\p{Lu}\\p{L}+, \\p{Lu}\\p{L}+ (and|und|et|y|e) .+")), "an \"X, Y and Z\" firm");
        assertTrue(organisations.stream().anyMatch(name -> name.matches("\\p{Lu}{2,4}")), "an acronym");
    }

    @Test
    void italianAndSpanishTextsUseTheirCountriesCitiesAndSurnamesWithParticles() {
        List<AnnotatedText> corpus = TrainingCorpus.generate(7, 3_000, TestKnowledge.KNOWLEDGE);
        Set<String> italianCities = new TreeSet<>();
        TestKnowledge.KNOWLEDGE.cities().stream().filter(city -> city.country().equals("IT"))
                .forEach(city -> italianCities.add(city.name()));
        assertTrue(entities(corpus, "it", "LOCATION").stream().filter(italianCities::contains).count() > 20);
        assertTrue(entities(corpus, "it", "PERSON").stream()
                .anyMatch(name -> name.matches(".*\\b(D'|Della |Lo |Di )\\p{Lu}.*")), "an Italian surname with a particle");
        assertTrue(entities(corpus, "es", "PERSON").stream()
                .anyMatch(name -> name.matches("\\p{Lu}\\p{L}+ \\p{Lu}\\p{L}+ \\p{Lu}\\p{L}+")), "a name with two surnames");
    }

    private static List<String> entities(List<AnnotatedText> corpus, String language, String type) {
        return corpus.stream().filter(text -> text.language().equals(language))
                .flatMap(text -> text.spans().stream().filter(span -> span.type().equals(type))
                        .map(span -> text.text().substring(span.start(), span.end())))
                .toList();
    }
}
