package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreetAddressRecognizerTest {
    private final StreetAddressRecognizer recognizer = new StreetAddressRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"Hauptstraße 12, 10115 Berlin", "12 rue de la Paix\n75002 PARIS",
            "Calle Mayor 5, 28013 Madrid", "Via Roma 10, 00184 Roma", "221B Baker Street, London NW1 6XE",
            "1600 Pennsylvania Ave NW, Washington, DC 20500", "Mariahilfer Straße 77, 1060 Wien",
            "Neue Schönhauser Str. 20, 10178 Berlin", "Am Mühlbach 3, 87700 Memmingen",
            "Kaiserstraße 101\n60329 FRANKFURT AM MAIN", "Corso Vittorio Emanuele II 18, 10123 Torino",
            "ul. Długa 14, 80-827 GDAŃSK", "Avenida de la Constitución 18, 41004 Sevilla",
            "1208 Maple Avenue, Apt 4B\nEVANSTON, IL 60202", "Speicherstadt 5, 20457 Hamburg",
            "Via dell'Industria 6, 24126 Bergamo", "8 avenue Jean Jaurès, 69007 Lyon"})
    void findsAWholeAddressAsOneSpan(String address) {
        found(recognizer, "Please send it to " + address + ". Thanks!", address, "STREET_ADDRESS");
    }

    @Test
    void aNameOnTheLineBelowIsNotTakenForTheCity() {
        String text = "Ship to:\n14 Harbour Lane\nAna Kovač";
        found(recognizer, text, "14 Harbour Lane", "STREET_ADDRESS");
    }

    @Test
    void aPostcodeOrCityAndAnAddressWordRaiseTheScore() {
        double bare = found(recognizer, "at 5 Willow Way today", "5 Willow Way", "STREET_ADDRESS").score();
        double placed = found(recognizer, "at 5 Willow Way, Cambridge CB1 2AB", "5 Willow Way, Cambridge CB1 2AB",
                "STREET_ADDRESS").score();
        double withContext = found(recognizer, "Address: 5 Willow Way today", "5 Willow Way", "STREET_ADDRESS")
                .score();
        assertTrue(placed > bare && withContext > bare);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Place 3 eggs in the bowl.", "We met 12 people in Berlin.", "Room 4, second floor",
            "Ticket 2231: the card was charged twice.", "Version 2 of the Release Calendar"})
    void numbersWithoutAStreetAreNotAddresses(String text) {
        none(recognizer, text);
    }
}
