package dev.tollgate.pii.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.Finding;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Uses a small model trained in a few seconds; the figures of the real model are in the training report. */
class NerRecognizerTest {
    private static TokenNameFinderModel model;
    private static NerRecognizer recognizer;
    private static List<AnnotatedText> texts;

    @BeforeAll
    static void trainSmallModel() throws Exception {
        List<NameSample> samples = new ArrayList<>();
        TrainingCorpus.generate(11, 1_500, TestKnowledge.KNOWLEDGE)
                .forEach(t -> samples.addAll(NameSamples.of(t)));
        model = NerTrainer.trainModel(samples, 30, TestKnowledge.GAZETTEER, CommonWords.NONE, MoreGivenNames.NONE);
        recognizer = new NerRecognizer(model, 0.0);
        texts = TrainingCorpus.generate(12, 200, TestKnowledge.KNOWLEDGE);
    }

    @Test
    void findingsAreNamedEntitiesWithOffsetsIntoTheOriginalText() {
        int found = 0;
        for (AnnotatedText text : texts) {
            for (Finding f : recognizer.recognize(text.text())) {
                assertTrue(List.of("PERSON", "LOCATION", "ORGANIZATION").contains(f.type()));
                assertTrue(0 <= f.start() && f.start() < f.end() && f.end() <= text.text().length());
                String value = text.text().substring(f.start(), f.end());
                assertEquals(value.strip(), value);
                assertTrue(f.score() > 0 && f.score() <= 1);
                assertEquals("opennlp", f.source());
                found++;
            }
        }
        assertTrue(found > 100);
    }

    @Test
    void aSpanJustUnderTheMinimumIsKeptOnlyWhenTheGazetteerKnowsIt() {
        int kept = 0;
        int dropped = 0;
        for (AnnotatedText text : texts) {
            for (Finding f : recognizer.recognize(text.text())) {
                String value = text.text().substring(f.start(), f.end());
                if (!value.matches("\\p{L}+( \\p{L}+)*")) {
                    continue; // words as the tokenizer splits them
                }
                NerRecognizer strict = new NerRecognizer(model, f.score() + NerRecognizer.KNOWN_NAME_MARGIN / 2);
                boolean found = strict.recognize(text.text()).contains(f);
                assertEquals(known(f.type(), value.split(" ")), found, () -> f + " " + value);
                kept += found ? 1 : 0;
                dropped += found ? 0 : 1;
            }
        }
        assertTrue(kept > 10 && dropped > 10, kept + " kept, " + dropped + " dropped");
    }

    @Test
    void aListedGivenNameAndACapitalisedWordHeadingASentenceAreAPerson() throws Exception {
        assertTrue(listed("Ludovica", "first") && listed("Mein", "first"), "the registry's given names");
        NerRecognizer untaught = new NerRecognizer(NerTrainer.trainModel(NameSamples.of(
                new AnnotatedText.Builder("de").text("Gestern rief ").entity("PERSON", "Anna").text(" an.").build()),
                5, TestKnowledge.GAZETTEER, CommonWords.NONE, MoreGivenNames.NONE), 0.5);
        List<Finding> heading = untaught.recognize("Ludovica Ferrante guida il reparto vendite da gennaio.");
        assertEquals(List.of(new Finding("PERSON", 0, 17, NerRecognizer.HEADING_NAME_SCORE, "opennlp",
                "a listed given name and a capitalised word heading a sentence")), heading);
        assertEquals(1, untaught.recognize("Grazie. Ludovica Ferrante guida il reparto.").size(), "after a full stop");
        assertTrue(untaught.recognize("Mein Sohn studiert in Wien.").isEmpty(), "a function word first");
        assertTrue(untaught.recognize("Ludovica Ferrante, la nostra responsabile.").isEmpty(), "no verb after it");
        assertTrue(untaught.recognize("Packing List follows below.").isEmpty(), "no listed given name");
        assertTrue(untaught.recognize("Ieri Ludovica Ferrante guidava il reparto.").isEmpty(), "not heading");
    }

    @Test
    void moreGivenNamesTravelInsideTheModelFileAndStartAFullNameHeadingASentence() throws Exception {
        assertFalse(listed("Chukwuemeka", "first"), "not in the gazetteer's list");
        assertTrue(TestKnowledge.KNOWLEDGE.moreGivenNames().containsAll(List.of("Chukwuemeka", "Kwabena")),
                "faker's West African first names");
        List<NameSample> samples = NameSamples.of(new AnnotatedText.Builder("de").text("Gestern rief ")
                .entity("PERSON", "Anna").text(" an.").build());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        NerTrainer.trainModel(samples, 5, TestKnowledge.GAZETTEER, CommonWords.NONE,
                MoreGivenNames.of(TestKnowledge.KNOWLEDGE.moreGivenNames())).serialize(file);
        NerRecognizer loaded = new NerRecognizer(
                new TokenNameFinderModel(new ByteArrayInputStream(file.toByteArray())), 0.5);
        String text = "Chukwuemeka Obi studia ingegneria a Torino.";
        assertEquals(List.of("Chukwuemeka Obi"), loaded.recognize(text).stream()
                .filter(f -> f.type().equals("PERSON")).map(f -> text.substring(f.start(), f.end())).toList());
        assertFalse(loaded.isGivenName("Chukwuemeka"), "the negative rules do not ask this list");
        NerRecognizer without = new NerRecognizer(NerTrainer.trainModel(samples, 5, TestKnowledge.GAZETTEER,
                CommonWords.NONE, MoreGivenNames.NONE), 0.5);
        assertTrue(without.recognize(text).stream().noneMatch(f -> f.start() == 0), "a model without the list");
    }

    @Test
    void theCommonWordsTravelInsideTheModelFileAndAnswerForTheNegativeRules() throws Exception {
        List<NameSample> samples = NameSamples.of(new AnnotatedText.Builder("de").text("Gestern rief ")
                .entity("PERSON", "Anna").text(" an.").build());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        NerTrainer.trainModel(samples, 5, TestKnowledge.GAZETTEER, NerTrainer.commonWords(TestKnowledge.KNOWLEDGE),
                MoreGivenNames.NONE).serialize(file);
        NerRecognizer loaded = new NerRecognizer(
                new TokenNameFinderModel(new ByteArrayInputStream(file.toByteArray())), 0.5);
        assertTrue(loaded.perMillion("WATER") >= 1, "an English noun, in capitals");
        assertTrue(loaded.perMillion("Città") >= 1, "an Italian noun, diacritics kept");
        assertEquals(0.0, loaded.perMillion("Magnusson"));
        assertTrue(loaded.isGivenName("ANNA") && !loaded.isGivenName("Water"));
        assertEquals(0.0, recognizer.perMillion("water"), "a model stored without common words knows none");
    }

    /** A person of two words or more with a listed given name first; a place of listed city or country words. */
    private static boolean known(String type, String[] words) {
        return switch (type) {
            case "PERSON" -> words.length > 1 && listed(words[0], "first");
            case "LOCATION" -> Arrays.stream(words).allMatch(w -> listed(w, "city") || listed(w, "country"));
            default -> false;
        };
    }

    private static boolean listed(String word, String kind) {
        String kinds = TestKnowledge.GAZETTEER.kinds(word);
        return kinds != null && kinds.contains(kind);
    }

    @Test
    void spansWithoutLettersAreNeverNames() {
        // minScore 0 keeps every span the model proposes, so only the letter check can remove digit runs.
        String numbers = "Chiami il 312 345 0092 oppure il 06 4567 8901, conto 12 34 56 78, pratica 4711/2024.";
        for (Finding f : recognizer.recognize(numbers)) {
            assertTrue(numbers.substring(f.start(), f.end()).codePoints().anyMatch(Character::isLetter),
                    "a name without letters: " + f);
        }
    }

    @Test
    void lowerCaseSpansAreNeverNamesEvenWhenTheModelProposesThem() throws Exception {
        // A model taught that a word after "Yesterday" is a person, whatever its case, proposes "anna" and "Anna".
        List<NameSample> samples = new ArrayList<>();
        for (String name : List.of("anna", "Anna", "piotr", "Piotr", "lena", "Lena", "omar", "Omar")) {
            for (int i = 0; i < 20; i++) {
                samples.addAll(NameSamples.of(new AnnotatedText.Builder("en").text("Yesterday ")
                        .entity("PERSON", name).text(" called back.").build()));
            }
        }
        NerRecognizer taught = new NerRecognizer(NerTrainer.trainModel(samples, 30, TestKnowledge.GAZETTEER,
                CommonWords.NONE, MoreGivenNames.NONE), 0.0);
        assertTrue(taught.recognize("Yesterday anna called back.").isEmpty());
        String capitalised = "Yesterday Anna called back.";
        assertEquals(List.of("Anna"), taught.recognize(capitalised).stream()
                .map(f -> capitalised.substring(f.start(), f.end())).toList());
    }

    @Test
    void spansNeverRunIntoAPlaceholder() {
        // A masked draft: the placeholder's upper-case word looks like a name to the model.
        String draft = "Maria, your appointment is confirmed. Schmidt, <PERSON_1> (maria.schmidt)";
        for (Finding f : recognizer.recognize(draft)) {
            String value = draft.substring(f.start(), f.end());
            assertFalse(value.contains("<") || value.contains(">"), value);
        }
    }

    @Test
    void offsetsCountUtf16UnitsAfterSupplementaryCharacters() {
        String prefix = "😀😀 ";
        AnnotatedText text = texts.get(0);
        List<Finding> plain = recognizer.recognize(text.text());
        List<Finding> shifted = recognizer.recognize(prefix + text.text());
        assertEquals(plain.size(), shifted.size());
        for (int i = 0; i < plain.size(); i++) {
            assertEquals(plain.get(i).start() + prefix.length(), shifted.get(i).start());
        }
    }

    @Test
    void concurrentCallsGiveTheSameAnswersAsSequentialOnes() throws Exception {
        List<List<Finding>> expected = texts.stream().map(t -> recognizer.recognize(t.text())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Finding>>>> runs = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                runs.add(pool.submit(() -> texts.stream().map(t -> recognizer.recognize(t.text())).toList()));
            }
            for (Future<List<List<Finding>>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyAndWhitespaceTextsHaveNoFindings() {
        assertFalse(recognizer.recognize("").iterator().hasNext());
        assertFalse(recognizer.recognize(" \n\t ").iterator().hasNext());
    }
}
