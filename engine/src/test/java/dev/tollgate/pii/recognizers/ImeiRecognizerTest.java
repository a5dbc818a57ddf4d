package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImeiRecognizerTest {
    private final ImeiRecognizer recognizer = new ImeiRecognizer();
    private final String imei = TestIds.luhn("35209900176148");

    @Test
    void findsGroupedImeiWithoutContext() {
        String grouped = imei.substring(0, 2) + "-" + imei.substring(2, 8) + "-" + imei.substring(8, 14) + "-" + imei.charAt(14);
        found(recognizer, "device " + grouped + " lost", grouped, "IMEI");
        String spaced = grouped.replace('-', ' ');
        found(recognizer, "device " + spaced + " lost", spaced, "IMEI");
    }

    @Test
    void contiguousDigitsNeedContextInEachLanguage() {
        none(recognizer, "number " + imei);
        for (String context : new String[] {"IMEI:", "IMEI-Nummer", "numéro IMEI", "número IMEI", "codice IMEI"}) {
            found(recognizer, context + " " + imei, imei, "IMEI");
        }
    }

    @Test
    void rejectsBadChecksum() {
        none(recognizer, "IMEI " + TestIds.breakLastDigit(imei));
    }

    @Test
    void contextRaisesScoreOfGroupedImei() {
        String grouped = imei.substring(0, 8) + "-" + imei.substring(8, 14) + "-" + imei.charAt(14);
        double bare = found(recognizer, grouped, grouped, "IMEI").score();
        assertTrue(found(recognizer, "IMEI " + grouped, grouped, "IMEI").score() > bare);
    }
}
