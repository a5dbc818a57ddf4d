package dev.tollgate.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.pii.recognizers.StreetAddressRecognizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NegativeRulesTest {
    private static Finding at(String text, String value, String type) {
        int start = text.indexOf(value);
        return new Finding(type, start, start + value.length(), 0.9, "opennlp", "test");
    }

    @Test
    void sentenceInitialFunctionWordsImperativesAndCalendarWordsAreNotNames() {
        String text = "Write about the sea. What? Monday works.\nÖffnen Sie das Menü.";
        List<Finding> findings = List.of(at(text, "Write", "PERSON"), at(text, "What", "ORGANIZATION"),
                at(text, "Monday", "PERSON"), at(text, "Öffnen", "LOCATION"));
        assertEquals(List.of(), NegativeRules.apply(text, findings, NameKnowledge.NONE));
    }

    @Test
    void theSameWordsInsideASentenceOrAsPartOfALongerNameStay() {
        String text = "Ask Will about it. Grace Paris called.";
        Finding paris = at(text, "Grace Paris", "PERSON");
        String other = "I read Write Away by Will.";
        Finding title = at(other, "Write Away", "ORGANIZATION");
        assertEquals(List.of(paris), NegativeRules.apply(text, List.of(paris), NameKnowledge.NONE));
        assertEquals(List.of(title), NegativeRules.apply(other, List.of(title), NameKnowledge.NONE));
    }

    @Test
    void findingsWithoutACapitalAndFindingsOfCommonWordsOnlyAreDropped() {
        String text = "Customer Service will call. Turn off Bluetooth, and a Happy New Year! Rewrite it in Plain English.";
        List<Finding> findings = List.of(at(text, "will", "PERSON"), at(text, "Customer Service", "ORGANIZATION"),
                at(text, "Bluetooth", "PERSON"), at(text, "Happy New Year", "LOCATION"),
                at(text, "Plain English", "LOCATION"));
        assertEquals(List.of(), NegativeRules.apply(text, findings, NameKnowledge.NONE));
    }

    @Test
    void aSingleCharacterIsNoNameButTwoMayBe() {
        String text = "C'era una volta Li Na.";
        Finding li = at(text, "Li", "PERSON");
        assertEquals(List.of(li),
                NegativeRules.apply(text, List.of(at(text, "C", "PERSON"), li), NameKnowledge.NONE));
    }

    @Test
    void aSentenceStarterIsTrimmedOffALongerNameAndNamesInScriptsWithoutCaseStay() {
        String text = "Dear Anna Berg, thanks. 王小明 called.";
        Finding anna = at(text, "Anna Berg", "PERSON");
        Finding chinese = at(text, "王小明", "PERSON");
        assertEquals(List.of(anna, chinese),
                NegativeRules.apply(text, List.of(at(text, "Dear Anna Berg", "PERSON"), chinese), NameKnowledge.NONE));
    }

    @Test
    void lowerCaseWordsEndNoNameAndAnUnsureFindingInCapitalsIsAHeadline() {
        String text = "Turn at the Old Mill and park. STORM NEAR THE COAST. Flights to BERLIN resume.";
        Finding mill = at(text, "Old Mill and park", "ORGANIZATION");
        Finding storm = new Finding("LOCATION", text.indexOf("NEAR"), text.indexOf("NEAR") + 14, 0.55, "opennlp", "t");
        Finding berlin = at(text, "BERLIN", "LOCATION");
        assertEquals(List.of(new Finding("ORGANIZATION", mill.start(), mill.start() + "Old Mill".length(), 0.9,
                "opennlp", "test"), berlin), NegativeRules.apply(text, List.of(mill, storm, berlin),
                NameKnowledge.NONE));
    }

    @Test
    void oneWordTheModelIsUnsureOfHeadingASentenceIsDroppedButNotARulesFinding() {
        String text = "Harbour is open. Ask Olga.\nHarbour: Olga";
        Finding unsure = new Finding("PERSON", 0, 7, 0.55, "opennlp", "t");
        Finding sure = new Finding("PERSON", 0, 7, 0.8, "opennlp", "t");
        Finding olga = new Finding("PERSON", text.indexOf("Olga"), text.indexOf("Olga") + 4, 0.55, "opennlp", "t");
        Finding rule = new Finding("PERSON", text.lastIndexOf("Harbour"), text.lastIndexOf("Harbour") + 7, 0.5,
                "pattern", "t");
        assertEquals(List.of(sure, olga, rule),
                NegativeRules.apply(text, List.of(unsure, sure, olga, rule), NameKnowledge.NONE));
    }

    @Test
    void aNameOrPlaceInsideAnOrganisationARuleFoundIsNotReportedApart() {
        String text = "She studies at the Universidad de Salamanca.";
        Finding university = new Finding("ORGANIZATION", text.indexOf("Universidad"), text.length() - 1, 0.8,
                "pattern", "rule");
        Finding place = at(text, "Salamanca", "LOCATION");
        assertEquals(List.of(university), NegativeRules.apply(text, List.of(university, place), NameKnowledge.NONE));
        Finding modelsOrganisation = at(text, "Universidad de Salamanca", "ORGANIZATION");
        assertEquals(List.of(modelsOrganisation, place),
                NegativeRules.apply(text, List.of(modelsOrganisation, place), NameKnowledge.NONE));
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
    void aRulesFindingInALineOfCapitalsAndAnUnsureOneOfTheModelsAreNoNames() {
        String text = "BÄCKEREI IM VIERTEL GEWINNT PREIS\nDie Bäckerei Sonnenschein feiert. HASTA PRONTO, ROMA";
        Finding headline = rule(text, "BÄCKEREI IM VIERTEL GEWINNT PREIS", "ORGANIZATION", 0.85);
        Finding bakery = rule(text, "Bäckerei Sonnenschein", "ORGANIZATION", 0.85);
        Finding unsure = new Finding("ORGANIZATION", text.indexOf("HASTA"), text.indexOf("HASTA") + 5, 0.75,
                "opennlp", "t");
        Finding sure = new Finding("LOCATION", text.indexOf("ROMA"), text.length(), 0.85, "opennlp", "t");
        assertEquals(List.of(bakery, sure),
                NegativeRules.apply(text, List.of(headline, bakery, unsure, sure), NameKnowledge.NONE));
    }

    @Test
    void oneWordTheModelTakesForAPersonAfterAnArticleIsNoNameUnlessTheListsKnowIt() {
        String text = "Whisk the Sugar. Bajo la Luna. Ask Luna. Conocí a Lucía. I met the Luna Pérez twins. Unlike the Jensen novel.";
        Finding sugar = at(text, "Sugar", "PERSON");
        Finding moon = after(text, "la ", "Luna");
        Finding asked = after(text, "Ask ", "Luna");
        Finding lucia = at(text, "Lucía", "PERSON");
        Finding twins = at(text, "Luna Pérez", "PERSON");
        Finding jensen = at(text, "Jensen", "PERSON");
        NameKnowledge surnames = word -> word.equals("Jensen");
        assertEquals(List.of(asked, lucia, twins, jensen),
                NegativeRules.apply(text, List.of(sugar, moon, asked, lucia, twins, jensen), surnames));
    }

    @Test
    void aHeadingBeforeAColonAndANumberIsAFieldNotASpeaker() {
        String text = "Backzeit: 35 Minuten\nPortionen : 8\nAnna: Das reicht.";
        Finding baking = rule(text, "Backzeit", "PERSON", 0.7);
        Finding portions = rule(text, "Portionen", "PERSON", 0.7);
        Finding anna = rule(text, "Anna", "PERSON", 0.7);
        assertEquals(List.of(anna), NegativeRules.apply(text, List.of(baking, portions, anna), NameKnowledge.NONE));
        assertEquals(List.of(), NegativeRules.apply("Backzeit: 35 Minuten", List.of(baking), NameKnowledge.NONE));
    }

    @Test
    void aSpeakerLabelStandingAloneMustBeAKnownName() {
        NameKnowledge names = word -> word.equals("John");
        String notes = "New: Dark mode.\nFixed: Crash on start.";
        Finding fixed = rule(notes, "Fixed", "PERSON", 0.7);
        assertEquals(List.of(), NegativeRules.apply(notes, List.of(fixed), names));
        assertEquals(List.of(fixed), NegativeRules.apply(notes, List.of(fixed), NameKnowledge.NONE));
        String reply = "Remember: lock the door.\nJohn: I will.";
        Finding john = rule(reply, "John", "PERSON", 0.7);
        assertEquals(List.of(john), NegativeRules.apply(reply, List.of(john), names));
        String dialogue = "Fixed: Hello.\nMarta: Hi.";
        List<Finding> both = List.of(rule(dialogue, "Fixed", "PERSON", 0.7), rule(dialogue, "Marta", "PERSON", 0.7));
        assertEquals(both, NegativeRules.apply(dialogue, both, names));
    }

    @Test
    void theDetectorAsksTheNameListsOfItsRecognizers() {
        String notes = "New: Dark mode.\nFixed: Crash on start.";
        record Lists(Finding finding) implements Recognizer, NameKnowledge {
            @Override
            public List<Finding> recognize(String text) {
                return List.of(finding);
            }

            @Override
            public boolean isName(String word) {
                return false;
            }
        }
        Recognizer speaker = text -> List.of(rule(text, "Fixed", "PERSON", 0.7));
        assertEquals(1, new PiiDetector(List.of(speaker)).recognize(notes).size());
        assertEquals(List.of(), new PiiDetector(List.of(speaker, new Lists(rule(notes, "Dark", "EMAIL_ADDRESS", 0.1))))
                .recognize(notes).stream().filter(f -> f.type().equals("PERSON")).toList());
    }

    private static Finding after(String text, String before, String value) {
        int start = text.indexOf(before + value) + before.length();
        return new Finding("PERSON", start, start + value.length(), 0.9, "opennlp", "test");
    }

    private static Finding rule(String text, String value, String type, double score) {
        int start = text.indexOf(value);
        return new Finding(type, start, start + value.length(), score, "pattern", "rule");
    }
}
