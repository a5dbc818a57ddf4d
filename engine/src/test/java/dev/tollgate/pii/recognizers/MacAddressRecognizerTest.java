package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MacAddressRecognizerTest {
    private final MacAddressRecognizer recognizer = new MacAddressRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"00:1A:2B:3C:4D:5E", "02-00-5e-10-00-01", "001a.2b3c.4d5e"})
    void findsTheThreeNotations(String mac) {
        found(recognizer, "device " + mac + ", ok", mac, "MAC_ADDRESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00:00:00:00:00", "FF:FF:FF:FF:FF:FF", "00:1A-2B:3C:4D:5E", "00:1A:2B:3C:4D",
            "00:1A:2B:3C:4D:5E:6F"})
    void rejectsReservedMixedAndWrongLength(String text) {
        none(recognizer, "value " + text + " here");
    }

    @Test
    void contextRaisesScore() {
        double bare = found(recognizer, "00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5E", "MAC_ADDRESS").score();
        for (String text : new String[] {"MAC address 00:1A:2B:3C:4D:5E", "MAC-Adresse 00:1A:2B:3C:4D:5E",
                "adresse MAC 00:1A:2B:3C:4D:5E", "dirección MAC 00:1A:2B:3C:4D:5E", "indirizzo MAC 00:1A:2B:3C:4D:5E"}) {
            assertTrue(found(recognizer, text, "00:1A:2B:3C:4D:5E", "MAC_ADDRESS").score() > bare, text);
        }
    }
}
