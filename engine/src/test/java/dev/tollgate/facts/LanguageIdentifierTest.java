package dev.tollgate.facts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageIdentifierTest {
    private static final LanguageIdentifier IDENTIFIER = new LanguageIdentifier();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "eng | The finance team asks every manager to check the attached table before Friday and report any line that looks wrong.",
            "deu | Die Finanzabteilung bittet jede Führungskraft, die beigefügte Tabelle bis Freitag zu prüfen und falsche Zeilen zu melden.",
            "fra | Le service financier demande à chaque responsable de vérifier le tableau joint avant vendredi et de signaler les erreurs.",
            "spa | El departamento de finanzas pide a cada responsable que revise la tabla adjunta antes del viernes y señale los errores.",
            "ita | Il reparto finanziario chiede a ogni responsabile di controllare la tabella allegata entro venerdì e di segnalare gli errori."})
    void identifiesEachOfTheFiveMainLanguages(String expected, String sentence) {
        assertEquals(expected, IDENTIFIER.identify(sentence));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "deu | Kannst du mir bitte den Vertrag kurz zusammenfassen?",
            "fra | Merci de vérifier la facture du mois dernier.",
            "ita | Per favore controlla la fattura del mese scorso."})
    void identifiesShortRequests(String expected, String sentence) {
        assertEquals(expected, IDENTIFIER.identify(sentence));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "deu | Der Patient Hans Müller (geb. 12.03.1961, Versichertennummer A123456789) wurde am 4. Mai 2024 mit Diabetes Typ 2 diagnostiziert; HbA1c 8,1 %.",
            "eng | Patient, 54 y/o, fever and cough for 3 days, suspected pneumonia. Chest X-ray ordered. Amoxicillin 1 g TID.",
            "fra | Patiente de 54 ans, fièvre et toux depuis 3 jours, suspicion de pneumonie. Radiographie thoracique demandée.",
            "spa | Paciente de 54 años, fiebre y tos desde hace 3 días, sospecha de neumonía. Se pide radiografía de tórax.",
            "ita | Paziente di 54 anni, febbre e tosse da 3 giorni, sospetta polmonite. Richiesta radiografia del torace."})
    void identifiesTerseNotesFullOfNumbersAndAbbreviations(String expected, String note) {
        assertEquals(expected, IDENTIFIER.identify(note));
    }

    @Test
    void isUndeterminedForTooFewLetters() {
        assertEquals("und", IDENTIFIER.identify(""));
        assertEquals("und", IDENTIFIER.identify("Hallo Welt"));
        assertEquals("und", IDENTIFIER.identify("Order 4711 of 2024-11-02: EUR 89.90"));
    }

    @Test
    void isUndeterminedForCodeNumbersAndBlobs() {
        assertEquals("und", IDENTIFIER.identify("user_id=42&session=abcdef&token=xyz123 https://example.com/a/b?q=1"));
        assertEquals("und", IDENTIFIER.identify("qEcIqQoFfJ4ffHlejCtK3pZ1wtvxXZKtwcxGRmCMIoMFjo0bAIYZrrM9w/8u+Ka7TzXh"));
        assertEquals("und", IDENTIFIER.identify("7378c2879624b94c169496eb5ae529b04fd0a608f8c5db48d532be4f00d1a2"));
    }

    @Test
    void isUndeterminedForLettersThatAreNoLanguage() {
        assertEquals("und", IDENTIFIER.identify("asdf qwer zxcv uiop hjkl bnm asdf qwer"));
        assertEquals("und", IDENTIFIER.identify("OK OK OK OK OK OK OK OK OK OK OK OK"));
        assertEquals("und", IDENTIFIER.identify(("szyc dpyopu zgdpamnt wo xzhsdk aa mv nxaqh prhlhvhyo an qkx vlej "
                + "trubw ifno xomz kqeplt rrp gwbh zjat fyis ucb dmuyr hhvz oplk bsqe tlwc ").repeat(3)));
        // Random words drawn from the commonest English letters: the hardest kind of noise for the detector.
        assertEquals("und", IDENTIFIER.identify("aa ndrstnm yupfyrte flcmynp hhen niyyuyp fmyu ufncfyh rwyyuffup "
                + "whlnrwddy dswyuale ottrh yir stmtt unheaoa te rinnyec hi eu dlw df rc whal efi wylilrrm pi rt nnof "
                + "ythhf rah rmryeit mnoyahoo nh sey fdpcssmmy tm owue udu emoods ft wfsaedeu ahwsou fiucoroo lcs ewt "
                + "dufiurwyw wdchnwrp aoaunpim ati chlfny oipmol yr"));
    }

    @Test
    void readsTheProseAroundCodeAndNumbers() {
        String mixed = "Bitte prüfe diese Bestellung (ID 4711, Betrag 89,90 EUR, Kunde k_42@example.com) "
                + "und schreibe eine kurze, freundliche Antwort an den Kunden.";
        assertEquals("deu", IDENTIFIER.identify(mixed));
    }

    @Test
    void samplesOnlyWordLikeWordsUpToTheLimit() {
        assertEquals("Hello world it's e-mail", LanguageIdentifier.wordSample("Hello, world! x=1 it's (e-mail) 42 a.b"));
        assertTrue(LanguageIdentifier.wordSample("word ".repeat(1000)).length() <= LanguageIdentifier.SAMPLE_CHARS);
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        List<String> sentences = List.of(
                "The finance team asks every manager to check the attached table before Friday.",
                "Die Finanzabteilung bittet jede Führungskraft, die beigefügte Tabelle zu prüfen.",
                "Le service financier demande à chaque responsable de vérifier le tableau joint.");
        List<String> expected = sentences.stream().map(IDENTIFIER::identify).toList();
        AtomicInteger mismatches = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int round = 0; round < 100; round++) {
                    for (int i = 0; i < sentences.size(); i++) {
                        if (!expected.get(i).equals(IDENTIFIER.identify(sentences.get(i)))) {
                            mismatches.incrementAndGet();
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of("eng", "deu", "fra"), expected);
        assertEquals(0, mismatches.get());
    }

    @Test
    void remembersSamplesWithoutChangingAnyAnswer() {
        LanguageIdentifier identifier = new LanguageIdentifier();
        List<String> sentences = List.of(
                "The finance team asks every manager to check the attached table before Friday.",
                "Il reparto finanziario chiede a ogni responsabile di controllare la tabella allegata.",
                "Kurz");
        List<String> first = sentences.stream().map(identifier::identify).toList();
        for (int i = 0; i <= LanguageIdentifier.CACHED_SAMPLES; i++) {
            identifier.identify("Die Finanzabteilung bittet jede Führungskraft um Prüfung der Tabelle " + words(i));
        }
        assertEquals(List.of("eng", "ita", "und"), first);
        assertEquals(first, sentences.stream().map(identifier::identify).toList());
        assertEquals(first, sentences.stream().map(s -> identifier.identify(s + " 12345")).toList());
    }

    /** A distinct word of letters for each number, so that each text is a new sample. */
    private static String words(int n) {
        return Integer.toString(n, 26).chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 26))))
                .reduce("x", String::concat);
    }

    @Test
    void printsTheCostOfACall() {
        String text = ("Die Finanzabteilung bittet jede Führungskraft, die beigefügte Tabelle bis Freitag zu prüfen "
                + "und jede Zeile zu melden, die falsch aussieht, damit die endgültigen Zahlen nächste Woche an den "
                + "Vorstand gehen können. ").repeat(4).substring(0, 500);
        String sample = LanguageIdentifier.wordSample(text);
        for (int i = 0; i < 3_000; i++) {
            IDENTIFIER.predict(sample);
        }
        int calls = 5_000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            IDENTIFIER.predict(sample);
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / calls;
        System.out.printf("LanguageIdentifier prediction (not remembered), %d chars: %.1f us per call (%d calls)%n",
                text.length(), micros, calls);
        assertEquals("deu", IDENTIFIER.identify(text));
    }
}
