package dev.tollgate.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.pii.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonRecognizerTest {
    private final PersonRecognizer recognizer = new PersonRecognizer();

    private Finding onlyFinding(String text, String name) {
        List<Finding> findings = recognizer.recognize(text);
        assertEquals(1, findings.size(), () -> "findings " + findings);
        Finding f = findings.get(0);
        assertEquals("PERSON", f.type());
        assertEquals(name, text.substring(f.start(), f.end()));
        assertEquals("pattern", f.source());
        assertTrue(f.score() >= 0.7 && f.score() <= 0.85, "score " + f.score());
        assertTrue(!f.explanation().contains(name));
        return f;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Dear Mr. John Smith, thank you|John Smith",
            "Please ask Mrs Jane O'Brien to call|Jane O'Brien",
            "Dr. Sarah McDonald-Jones will see you|Sarah McDonald-Jones",
            "Sehr geehrter Herr Hans-Peter von Weizsäcker,|Hans-Peter von Weizsäcker",
            "Frau Dr. Anna Müller ist da|Anna Müller",
            "Bonjour M. Jean de La Fontaine.|Jean de La Fontaine",
            "Chère Mme Camille Martin,|Camille Martin",
            "Estimado Sr. José García López:|José García López",
            "Gentile Sig.ra Giulia Rossi,|Giulia Rossi",
            "Il Sig. Marco di Stefano arriva|Marco di Stefano",
            "Prof. Maria del Carmen Ruiz|Maria del Carmen Ruiz"})
    void findsNamesAfterTitles(String text, String name) {
        onlyFinding(text, name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hello, my name is Emily Clarke and I need help|Emily Clarke",
            "I am Peter and I have a question|Peter",
            "Hallo, ich heiße Lukas Schneider.|Lukas Schneider",
            "Bonjour, je m'appelle Camille Martin, merci|Camille Martin",
            "Bonjour, je m’appelle Léa Dubois|Léa Dubois",
            "Hola, me llamo Lucía Fernández.|Lucía Fernández",
            "Ciao, mi chiamo Giulia Bianchi!|Giulia Bianchi"})
    void findsSelfIntroductionsInEachLanguage(String text, String name) {
        onlyFinding(text, name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Name: Oliver Brown|Oliver Brown",
            "Nom : Dupont|Dupont",
            "Patient: Maria Schulz, 54|Maria Schulz",
            "the patient Tom Baker reported|Tom Baker",
            "Die Patientin Erika Mustermann klagt|Erika Mustermann",
            "Kunde Max Meier ruft an|Max Meier",
            "le client Pierre Durand a écrit|Pierre Durand",
            "Signed, Anna-Lena Vogt|Anna-Lena Vogt"})
    void findsNamesAfterLabelsAndRoles(String text, String name) {
        onlyFinding(text, name);
    }

    @Test
    void findsNamesBelowLetterClosingsInEachLanguage() {
        onlyFinding("Kind regards,\nSophie Turner", "Sophie Turner");
        onlyFinding("Mit freundlichen Grüßen\n\nJürgen Klein", "Jürgen Klein");
        onlyFinding("Cordialement,\r\nÉmilie Laurent", "Émilie Laurent");
        onlyFinding("Atentamente,\nCarmen Vidal", "Carmen Vidal");
        onlyFinding("Cordiali saluti,\nLuca Romano", "Luca Romano");
    }

    @Test
    void aRoleWordAloneNeedsAColonATitleOrAFullName() {
        onlyFinding("Patient: Weber", "Weber");
        onlyFinding("Patientin Frau Weber", "Weber");
        assertEquals(List.of(), recognizer.recognize("Kunde Service"));
    }

    @Test
    void allCapsSurnameAfterAGivenName() {
        onlyFinding("je m'appelle Camille MARTIN, merci", "Camille MARTIN");
    }

    @Test
    void functionWordsAndTitlesEndAName() {
        onlyFinding("Regards, Tom The Builder", "Tom");
        onlyFinding("Kunde Herr Meier", "Meier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I am happy to help", "Name Change Request", "my name is not important",
            "The Patient Portal", "Regards, The Team", "Mr. and Mrs. are titles", "mr smith", "Name: the usual"})
    void ignoresWhatIsNotANameAfterATrigger(String text) {
        assertEquals(List.of(), recognizer.recognize(text));
    }

    @Test
    void findsEveryNameInALongerText() {
        String text = "Mr. Smith met Frau Weber. Later Dr. Rossi joined.";
        assertEquals(3, recognizer.recognize(text).size());
    }

    @Test
    void moreNameTokensScoreHigher() {
        double one = onlyFinding("Mr. Smith", "Smith").score();
        double two = onlyFinding("Mr. John Smith", "John Smith").score();
        assertTrue(two > one);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Last name? Magnusson|Magnusson",
            "Surname: Kowalczyk|Kowalczyk",
            "Nachname? Schäfer-Wolff|Schäfer-Wolff",
            "Nom de famille ? Lefèbvre|Lefèbvre",
            "¿Apellido? Etxeberria|Etxeberria",
            "Cognome? Santoro|Santoro",
            "Viele Grüße\\nTimo|Timo",
            "Ich bin Aleksandra aus Belgrad.|Aleksandra",
            "Cheers,\\nTom Whitfield|Tom Whitfield",
            "Gruß\\nK. Lindemann|K. Lindemann",
            "Best,\\nA. B. Adeyemi|A. B. Adeyemi",
            "Mr Carl J. Hoskins phoned.|Carl J. Hoskins",
            "Thanks,\\nSzilvia Fekete|Szilvia Fekete",
            "Merci !\\nHélène|Hélène",
            "Ne ha parlato la sig.ra Wiśniewska.|Wiśniewska",
            "Lo atiende la dra. Ioanna Pappa.|Ioanna Pappa",
            "My cousin Ragnhild lives there.|Ragnhild",
            "Meine Kollegin Aylin Demir kommt auch.|Aylin Demir",
            "Mia sorella Giulia arriva domani.|Giulia"})
    void findsAnswersToNameQuestionsAndMoreClosings(String text, String name) {
        onlyFinding(text.replace("\\n", "\n"), name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"John: You saved my life!\\nMaria: It was nothing.|John|Maria",
            "Ok then.\\nInès : Arrête.\\nArjun Mehta: the van is here.|Inès|Arjun Mehta"})
    void speakerLabelsInADialogueAreNames(String text, String first, String second) {
        String dialogue = text.replace("\\n", "\n");
        List<String> names = recognizer.recognize(dialogue).stream()
                .map(f -> dialogue.substring(f.start(), f.end())).toList();
        assertEquals(List.of(first, second), names);
    }

    @ParameterizedTest
    @ValueSource(strings = {"John: You saved my life!", "Aurélien : le colis vient de Belgique."})
    void oneNameHeadingASingleLineIsALoneSpeakerLabelForTheNegativeRules(String text) {
        List<Finding> findings = recognizer.recognize(text);
        assertEquals(1, findings.size(), () -> "findings " + findings);
        assertTrue(PersonRecognizer.isLoneSpeakerLabel(findings.get(0)));
        assertTrue(!PersonRecognizer.isSpeakerLabel(findings.get(0)));
        assertEquals(text.split("[ :]")[0], text.substring(findings.get(0).start(), findings.get(0).end()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Silver Moon: a haiku draft.",
            "Abschnitt Vier: Haftungsbeschränkung.", "Campo Obbligatorio: Data di Rilascio.",
            "Apfelstrudel\nZubereitungszeit: 40 Minuten\nBackzeit: 35 Minuten\nPortionen: 8"})
    void oneLineHeadedByCapitalisedWordsAndAColonOrFieldsOfNumbersAreNoDialogue(String text) {
        assertEquals(List.of(), recognizer.recognize(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Contrairement au rapport Lefort, celui-ci est court.|Lefort",
            "Il rapporto Marchetti è arrivato tardi.|Marchetti", "Laut Gutachten Brenninkmeyer ist sie marode.|Brenninkmeyer",
            "La famiglia Zanardi vive a Cremona.|Zanardi", "A diferencia del informe Quiroga, este es breve.|Quiroga"})
    void aNameAfterADocumentWordOrAFamilyIsAPerson(String text, String name) {
        Finding f = onlyFinding(text, name);
        assertEquals(PersonRecognizer.isAfterDocumentOrOfficeWord(f), !text.contains("famiglia"));
        assertTrue(!PersonRecognizer.isSpeakerLabel(f));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"L'allenatore Ranieri ha lasciato la panchina.|Ranieri",
            "El entrenador Arancibia dejó el banquillo.|Arancibia", "Le maire Castagnier a promis une réunion.|Castagnier",
            "Trainer Steinhövel verlässt den Verein.|Steinhövel", "the coach Hendricks has left after three seasons|Hendricks",
            "il portiere, Arturo, ci ha consigliato una trattoria|Arturo"})
    void aNameAfterTheOfficeItHoldsIsAPerson(String text, String name) {
        assertTrue(PersonRecognizer.isAfterDocumentOrOfficeWord(onlyFinding(text, name)));
    }

    @Test
    void aPlaceAfterAnOfficeIsNoName() {
        assertTrue(recognizer.recognize("Fermín Astudillo, alcalde de Calatayud, inauguró el puente.").stream()
                .noneMatch(f -> f.explanation().contains("office")));
    }

    @Test
    void aSpeakerLabelIsToldApartForTheNegativeRules() {
        String dialogue = "Fermín: ¿has visto las llaves?\nCandela: en el cajón.";
        assertTrue(recognizer.recognize(dialogue).stream().allMatch(PersonRecognizer::isSpeakerLabel));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Later Tuomas asked for the keys.|Tuomas",
            "Ayer Jana Dvořáková preguntó por ti.|Jana Dvořáková", "Björn fragte nach dir.|Björn"})
    void aNameBeforeAVerbOfSpeakingIsAWeakerVote(String text, String name) {
        List<Finding> findings = recognizer.recognize(text);
        assertEquals(1, findings.size(), () -> "findings " + findings);
        assertEquals(name, text.substring(findings.get(0).start(), findings.get(0).end()));
        assertEquals(0.6, findings.get(0).score());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Subject: refund", "Hinweis: Das Büro ist zu.", "Note: call back", "Agent: Sorry",
            "Ticket: open", "The end: nothing", "Oggetto: fattura", "Delivery Date: Friday", "Order Status: sent",
            "Thanks, Support Team", "The Manager said no.", "Best Practices for Remote Work",
            "Sehr geehrte Kundin, Ihre Bestellung ist da."})
    void fieldLabelsAtLineStartAreNotSpeakers(String text) {
        assertEquals(List.of(), recognizer.recognize(text));
    }
}
