package dev.tollgate.pii.recognizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.pii.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocationRecognizerTest {
    private final LocationRecognizer recognizer = new LocationRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "We moved here from Kenosha.|Kenosha",
            "Wir fahren nach Rügen und Usedom.|Rügen",
            "Nous étions à Αθήνα, chez Eleni.|Αθήνα",
            "Mi abuela nació en Новосибирск.|Новосибирск",
            "Lavoro a Reggio Emilia, purtroppo.|Reggio Emilia",
            "She lives in Aix-en-Provence.|Aix-en-Provence",
            "Where now?\\nJoe: In Dundee.|Dundee",
            "¿Y tú?\\nEn Logroño|Logroño",
            "Name: Ada Berg\\nCity: Cluj-Napoca|Cluj-Napoca",
            "Ort: Bad Tölz|Bad Tölz",
            "Ville : Saint-Malo|Saint-Malo",
            "Città: Reggio Calabria\\nTel: 0965|Reggio Calabria"})
    void findsCapitalisedWordsClosingAClauseAfterAPrepositionOfPlace(String text, String place) {
        text = text.replace("\\n", "\n");
        List<Finding> findings = recognizer.recognize(text);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(place, text.substring(findings.get(0).start(), findings.get(0).end()));
        assertEquals("LOCATION", findings.get(0).type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"You can reset it from the Settings page.", "In Paris it rains.", "Click in Settings now",
            "We moved here from Kenosha two winters ago.",
            "Sie wohnt in der Stadt.", "Bob: In Summary mode it works.", "City: unknown", "Ort: wird noch geklärt"})
    void ignoresSentenceStartsLowerCaseWordsAndWordsInMidClause(String text) {
        assertEquals(List.of(), recognizer.recognize(text));
    }
}
