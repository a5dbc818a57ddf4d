package dev.tollgate.mask;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.PiiDetector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.tollgate.mask.MaskerTest.assertSpansPointAtReplacements;
import static dev.tollgate.mask.MaskerTest.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Offsets are UTF-16 code units; no masked text ever holds half a character. */
class MaskerUnicodeTest {
    private static final Masker MASKER = new Masker(Map.of("CREDIT_CARD", Operator.PARTIAL),
            HashKey.of("0123456789abcdef0123456789abcdef".getBytes()));

    private static MaskedText mask(String text, List<Finding> findings, String... types) {
        MaskedText masked = MASKER.mask(text, findings, Set.of(types), new MaskingSession());
        assertSpansPointAtReplacements(masked);
        assertFalse(hasUnpairedSurrogate(masked.text()), "masked text splits a surrogate pair");
        return masked;
    }

    private static boolean hasUnpairedSurrogate(String s) {
        return s.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
    }

    @Test
    void emojiBeforeAndAfterKeepOffsetsRight() {
        String text = "👋🏽 mail anna@example.org 👨‍👩‍👧 thanks";
        MaskedText masked = mask(text, PiiDetector.defaults().recognize(text), "EMAIL_ADDRESS");
        assertEquals("👋🏽 mail <EMAIL_ADDRESS_1> 👨‍👩‍👧 thanks", masked.text());
        assertEquals(text.indexOf("anna"), masked.spans().getFirst().start());
    }

    @Test
    void rightToLeftTextIsMaskedInLogicalOrder() {
        String text = "مرحبا، بريدي anna@example.org شكرا ושלום";
        MaskedText masked = mask(text, PiiDetector.defaults().recognize(text), "EMAIL_ADDRESS");
        assertEquals("مرحبا، بريدي <EMAIL_ADDRESS_1> شكرا ושלום", masked.text());
    }

    @Test
    void aBoundaryInsideASurrogatePairWidensToTheWholeCharacter() {
        String text = "id 𝟙𝟚𝟛 end";
        int firstHigh = text.indexOf("𝟙");
        // Starts on the low surrogate of 𝟙 and ends after the high surrogate of 𝟛.
        Finding split = new Finding("X", firstHigh + 1, firstHigh + 5, 0.9, "t", "t");
        assertEquals("id <X_1> end", mask(text, List.of(split), "X").text());
    }

    @Test
    void aBoundaryBeforeACombiningMarkTakesTheMarkAlong() {
        String text = "Zoe\u0308 Muller and more";
        Finding cut = new Finding("PERSON", 0, 3, 0.9, "t", "t");
        assertEquals("<PERSON_1> Muller and more", mask(text, List.of(cut), "PERSON").text());
    }

    @Test
    void anEmojiSequenceIsNeverCutApart() {
        String text = "a👨‍👩‍👧b";
        Finding insideZwjSequence = new Finding("X", 3, 4, 0.9, "t", "t");
        assertEquals("a<X_1>b", mask(text, List.of(insideZwjSequence), "X").text());
    }

    @Test
    void partialKeepsWholeCodePoints() {
        String text = "n° 4111 1111 1111 1234 ok";
        MaskedText masked = mask(text, List.of(at(text, "4111 1111 1111 1234", "CREDIT_CARD")), "CREDIT_CARD");
        assertEquals("n° ***************1234 ok", masked.text());
        String astral = "v 𝟘𝟙𝟚𝟛𝟜𝟝 w";
        String digits = "𝟘𝟙𝟚𝟛𝟜𝟝";
        assertEquals("v **𝟚𝟛𝟜𝟝 w", mask(astral, List.of(at(astral, digits, "CREDIT_CARD")), "CREDIT_CARD").text());
    }

    @Test
    void loneSurrogatesElsewhereInTheTextAreLeftAlone() {
        String text = "\uD800 anna@example.org \uDC00";
        MaskedText masked = MASKER.mask(text, List.of(at(text, "anna@example.org", "EMAIL_ADDRESS")),
                Set.of("EMAIL_ADDRESS"), new MaskingSession());
        assertEquals("\uD800 <EMAIL_ADDRESS_1> \uDC00", masked.text());
    }

    @Test
    void restoreRoundTripsUnicodeValues() {
        String text = "Je suis Zoë Ñúñez 😀 de Montréal, שלום";
        MaskingSession session = new MaskingSession();
        MaskedText masked = MASKER.mask(text, List.of(at(text, "Zoë Ñúñez", "PERSON"), at(text, "Montréal", "LOCATION")),
                Set.of("PERSON", "LOCATION"), session);
        assertEquals("Je suis <PERSON_1> 😀 de <LOCATION_1>, שלום", masked.text());
        assertEquals(text, session.restore(masked.text()));
    }
}
