package dev.tollgate.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.pii.recognizers.PersonRecognizer;
import dev.tollgate.pii.recognizers.StreetAddressRecognizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NegativeRulesTest {
    /** What a model's word lists would say of a few words; a recognizer that finds nothing itself. */
    private static final class Knowledge implements Recognizer, WordKnowledge {
        private static final Map<String, Double> PER_MILLION = Map.of("new", 900.0, "fixed", 29.7, "candela", 3.0,
                "serena", 5.0, "rose", 30.0, "sala", 40.0, "eggs", 20.0, "sugar", 40.0,
                "flour", 10.0, "water", 300.0);

        @Override
        public List<Finding> recognize(String text) {
            return List.of();
        }

        @Override
        public double perMillion(String word) {
            return PER_MILLION.getOrDefault(word.toLowerCase(Locale.ROOT), 0.0);
        }

        @Override
        public boolean isGivenName(String word) {
            return Set.of("serena", "rose").contains(word.toLowerCase(Locale.ROOT));
        }
    }

    private static Finding at(String text, String value, String type) {
        int start = text.indexOf(value);
        return new Finding(type, start, start + value.length(), 0.9, "opennlp", "test");
    }

    @Test
    void sentenceInitialFunctionWordsImperativesAndCalendarWordsAreNotNames() {
        String text = "Write about the sea. What? Monday works.\nÖffnen Sie das Menü.";
        List<Finding> findings = List.of(at(text, "Write", "PERSON"), at(text, "What", "ORGANIZATION"),
                at(text, "Monday", "PERSON"), at(text, "Öffnen", "LOCATION"));
        assertEquals(List.of(), NegativeRules.apply(text, findings, WordKnowledge.NONE));
    }

    @Test
    void theSameWordsInsideASentenceOrAsPartOfALongerNameStay() {
        String text = "Ask Will about it. Grace Paris called.";
        Finding paris = at(text, "Grace Paris", "PERSON");
        String other = "I read Write Away by Will.";
        Finding title = at(other, "Write Away", "ORGANIZATION");
        assertEquals(List.of(paris), NegativeRules.apply(text, List.of(paris), WordKnowledge.NONE));
        assertEquals(List.of(title), NegativeRules.apply(other, List.of(title), WordKnowledge.NONE));
    }

    @Test
    void findingsWithoutACapitalAndFindingsOfCommonWordsOnlyAreDropped() {
        String text = "Customer Service will call. Turn off Bluetooth, and a Happy New Year! Rewrite it in Plain English.";
        List<Finding> findings = List.of(at(text, "will", "PERSON"), at(text, "Customer Service", "ORGANIZATION"),
                at(text, "Bluetooth", "PERSON"), at(text, "Happy New Year", "LOCATION"),
                at(text, "Plain English", "LOCATION"));
        assertEquals(List.of(), NegativeRules.apply(text, findings, WordKnowledge.NONE));
    }

    @Test
    void aSingleCharacterIsNoNameButTwoMayBe() {
        String text = "C'era una volta Li Na.";
        Finding li = at(text, "Li", "PERSON");
        assertEquals(List.of(li),
                NegativeRules.apply(text, List.of(at(text, "C", "PERSON"), li), WordKnowledge.NONE));
    }

    @Test
    void aSentenceStarterIsTrimmedOffALongerNameAndNamesInScriptsWithoutCaseStay() {
        String text = "Dear Anna Berg, thanks. 王小明 called.";
        Finding anna = at(text, "Anna Berg", "PERSON");
        Finding chinese = at(text, "王小明", "PERSON");
        assertEquals(List.of(anna, chinese), NegativeRules.apply(text,
                List.of(at(text, "Dear Anna Berg", "PERSON"), chinese), WordKnowledge.NONE));
    }

    @Test
    void lowerCaseWordsEndNoNameAndAnUnsureFindingInCapitalsIsAHeadline() {
        String text = "Turn at the Old Mill and park. STORM NEAR THE COAST. Flights to BERLIN resume.";
        Finding mill = at(text, "Old Mill and park", "ORGANIZATION");
        Finding storm = new Finding("LOCATION", text.indexOf("NEAR"), text.indexOf("NEAR") + 14, 0.55, "opennlp", "t");
        Finding berlin = at(text, "BERLIN", "LOCATION");
        assertEquals(List.of(new Finding("ORGANIZATION", mill.start(), mill.start() + "Old Mill".length(), 0.9,
                "opennlp", "test"), berlin), NegativeRules.apply(text, List.of(mill, storm, berlin), WordKnowledge.NONE));
    }

    @Test
    void oneWordTheModelIsUnsureOfHeadingASentenceIsDroppedButNotARulesFinding() {
        String text = "Harbour is open. Ask Olga.\nHarbour: Olga";
        Finding unsure = new Finding("PERSON", 0, 7, 0.55, "opennlp", "t");
        Finding sure = new Finding("PERSON", 0, 7, 0.8, "opennlp", "t");
        Finding olga = new Finding("PERSON", text.indexOf("Olga"), text.indexOf("Olga") + 4, 0.55, "opennlp", "t");
        Finding rule = new Finding("PERSON", text.lastIndexOf("Harbour"), text.lastIndexOf("Harbour") + 7, 0.5,
                "pattern", "t");
        assertEquals(List.of(sure, olga, rule), NegativeRules.apply(text, List.of(unsure, sure, olga, rule), WordKnowledge.NONE));
    }

    @Test
    void aNameOrPlaceInsideAnOrganisationARuleFoundIsNotReportedApart() {
        String text = "She studies at the Universidad de Salamanca.";
        Finding university = new Finding("ORGANIZATION", text.indexOf("Universidad"), text.length() - 1, 0.8,
                "pattern", "rule");
        Finding place = at(text, "Salamanca", "LOCATION");
        assertEquals(List.of(university), NegativeRules.apply(text, List.of(university, place), WordKnowledge.NONE));
        Finding modelsOrganisation = at(text, "Universidad de Salamanca", "ORGANIZATION");
        assertEquals(List.of(modelsOrganisation, place),
                NegativeRules.apply(text, List.of(modelsOrganisation, place), WordKnowledge.NONE));
    }

    @Test
    void aPlaceInsideAStreetAddressDoesNotSplitIt() {
        String text = "Send it to Hauptstraße 12, 10115 Berlin please.";
        Recognizer nerSeeingBerlin = t -> List.of(at(t, "Berlin", "LOCATION"));
        PiiDetector detector = new PiiDetector(List.of(new StreetAddressRecognizer(), nerSeeingBerlin));
        List<Finding> findings = detector.recognize(text);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals("STREET_ADDRESS", findings.get(0).type());
        assertEquals("Hauptstraße 12, 10115 Berlin", text.substring(findings.get(0).start(), findings.get(0).end()));
    }

    @Test
    void anImperativeHeadingALineIsNotTakenForASpeaker() {
        List<Finding> findings = PiiDetector.defaults().recognize("Remember: always lock the door.\nJohn: I will.");
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(0, findings.get(0).start() - "Remember: always lock the door.\n".length());
    }

    @Test
    void speakerLabelsThatAreAllOrdinaryWordsMakeNoDialogue() {
        String notes = "New: Dark Mode for the settings.\nFixed: Crash when opening folders.";
        List<Finding> withoutKnowledge = new PiiDetector(List.of(new PersonRecognizer())).recognize(notes);
        assertEquals(List.of("Fixed"), withoutKnowledge.stream().map(f -> notes.substring(f.start(), f.end())).toList());
        PiiDetector detector = new PiiDetector(List.of(new PersonRecognizer(), new Knowledge()));
        assertEquals(List.of(), detector.recognize(notes));
        String dialogue = "Fermín: ¿has visto las llaves?\nCandela: en el cajón.";
        assertEquals(2, detector.recognize(dialogue).size(), "a name-like speaker makes the ordinary word one too");
        String givenNames = "Serena: hai visto le chiavi?\nRose: sul tavolo.";
        assertEquals(2, detector.recognize(givenNames).size(), "listed given names");
    }

    @Test
    void oneNameHeadingASingleLineIsASpeakerOnlyWhenItIsAListedGivenName() {
        PiiDetector detector = new PiiDetector(List.of(new PersonRecognizer(), new Knowledge()));
        String line = "Serena : le colis vient de Belgique.";
        assertEquals(List.of("Serena"), detector.recognize(line).stream()
                .map(f -> line.substring(f.start(), f.end())).toList());
        assertEquals(List.of(), detector.recognize("Fixed: crash when opening folders."));
        assertEquals(List.of(), detector.recognize("Vorgang: bitte prüfen."), "an unlisted word");
        assertEquals(List.of(), new PiiDetector(List.of(new PersonRecognizer())).recognize(line), "no model, no names");
    }

    @Test
    void theModelsOneOrdinaryWordNeedsASureScoreARulesSupportOrAGivenName() {
        String text = "Ci vediamo nella Sala grande con Rose e la signora Sala.";
        Finding room = new Finding("LOCATION", text.indexOf("Sala"), text.indexOf("Sala") + 4, 0.6, "opennlp", "m");
        Finding sure = new Finding("LOCATION", room.start(), room.end(), 0.8, "opennlp", "m");
        Finding rose = at(text, "Rose", "PERSON");
        Finding unsureRose = new Finding("PERSON", rose.start(), rose.end(), 0.6, "opennlp", "m");
        int lady = text.lastIndexOf("Sala");
        Finding surname = new Finding("PERSON", lady, lady + 4, 0.6, "opennlp", "m");
        Finding title = new Finding("PERSON", lady, lady + 4, 0.8, "pattern", "title");
        assertEquals(List.of(), NegativeRules.apply(text, List.of(room), new Knowledge()));
        assertEquals(List.of(room), NegativeRules.apply(text, List.of(room), WordKnowledge.NONE));
        assertEquals(List.of(sure, unsureRose, surname, title),
                NegativeRules.apply(text, List.of(sure, unsureRose, surname, title), new Knowledge()));
    }

    @Test
    void aRulesFindingInALineOfCapitalsIsDroppedTheModelsIsJudgedByItsScore() {
        String text = "Newsletter\nLA PANADERÍA DEL BARRIO GANA EL PREMIO\nLa Panadería Sol abre hoy.";
        Finding headline = new Finding("ORGANIZATION", text.indexOf("PANADERÍA"), text.indexOf(" DEL"), 0.85,
                "pattern", "rule");
        int shop = text.indexOf("Panadería Sol");
        Finding sentence = new Finding("ORGANIZATION", shop, shop + "Panadería Sol".length(), 0.85, "pattern", "rule");
        Finding model = at(text, "PANADERÍA", "ORGANIZATION");
        assertEquals(List.of(sentence, model),
                NegativeRules.apply(text, List.of(headline, sentence, model), WordKnowledge.NONE));
    }

    @Test
    void inATextThatCapitalisesOrdinaryWordsAFindingOfOrdinaryWordsIsNoName() {
        String recipe = "Whisk the Eggs with the Sugar, then add the Flour to the Water.";
        Finding sugar = at(recipe, "Sugar", "PERSON");
        Finding vote = new Finding("LOCATION", recipe.indexOf("Water"), recipe.indexOf("Water") + 5, 0.5, "pattern",
                "place after a preposition");
        assertEquals(List.of(), NegativeRules.apply(recipe, List.of(sugar, vote), new Knowledge()));
        assertEquals(List.of(sugar), NegativeRules.apply(recipe, List.of(sugar), WordKnowledge.NONE), "no model");

        String flowers = "Prune the Rose after the Eggs hatch.";
        Finding rose = at(flowers, "Rose", "PERSON");
        assertEquals(List.of(rose), NegativeRules.apply(flowers, List.of(rose), new Knowledge()),
                "one capitalised ordinary word besides is not enough");
        String pruned = "Prune the Rose with Sugar and Water.";
        assertEquals(List.of(), NegativeRules.apply(pruned, List.of(at(pruned, "Rose", "PERSON")), new Knowledge()),
                "a listed given name too");

        String story = "Rose and Sala met Magnusson by the Water with Eggs.";
        Finding person = at(story, "Magnusson", "PERSON");
        Finding title = new Finding("PERSON", story.indexOf("Rose"), story.indexOf("Rose") + 4, 0.8, "pattern", "title");
        assertEquals(List.of(person, title), NegativeRules.apply(story, List.of(person, title), new Knowledge()),
                "an unlisted word and a rule's strong finding stay");
    }
}
