package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressRecognizerTest {
    private final IpAddressRecognizer recognizer = new IpAddressRecognizer();

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "8.8.8.8", "255.255.255.255", "2001:db8::8a2e:370:7334", "fe80::1", "::1",
            "2001:0db8:0000:0000:0000:ff00:0042:8329", "::ffff:192.0.2.128", "1:2:3:4:5:6:7::"})
    void findsValidAddresses(String ip) {
        found(recognizer, "Request from " + ip + ".", ip, "IP_ADDRESS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "12:30:45", "1:2:3:4:5:6:7:8:9",
            "1::2::3", "12345::1", "00:1A:2B:3C:4D:5E", "2001:db8::g1", "::"})
    void rejectsWhatTheParserRejects(String text) {
        none(recognizer, "value " + text + " here");
    }

    @Test
    void parserHandlesEmbeddedIpv4AndCompression() {
        assertTrue(IpAddressRecognizer.isIpv6("64:ff9b::192.0.2.33"));
        assertFalse(IpAddressRecognizer.isIpv6("64:ff9b::192.0.2.333"));
        assertFalse(IpAddressRecognizer.isIpv6("1:2:3:4:5:6:7:8::"));
        assertTrue(IpAddressRecognizer.isIpv6("1:2:3:4:5:6:1.2.3.4"));
    }

    @Test
    void contextRaisesScoreInEachLanguage() {
        double bare = found(recognizer, "10.1.2.3", "10.1.2.3", "IP_ADDRESS").score();
        for (String text : new String[] {"IP address 10.1.2.3", "IP-Adresse: 10.1.2.3", "adresse IP 10.1.2.3",
                "dirección IP 10.1.2.3", "indirizzo IP 10.1.2.3"}) {
            assertTrue(found(recognizer, text, "10.1.2.3", "IP_ADDRESS").score() > bare, text);
        }
    }
}
