package dev.tollgate.pii.presidio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Presidio counts code points, Java counts UTF-16 units: the conversion and the text sent to Presidio. */
class CodePointOffsetsTest {
    @Test
    void bmpOnlyTextKeepsOffsets() {
        CodePointOffsets offsets = CodePointOffsets.of("Zoë Müller");
        assertEquals(10, offsets.codePoints());
        assertEquals(4, offsets.toUtf16(4));
        assertEquals(10, offsets.toUtf16(10));
    }

    @Test
    void charactersOutsideTheBmpShiftLaterOffsetsByOneUnitEach() {
        String text = "a😀b𝄞c";
        CodePointOffsets offsets = CodePointOffsets.of(text);
        assertEquals(5, offsets.codePoints());
        assertEquals("b", text.substring(offsets.toUtf16(2), offsets.toUtf16(3)));
        assertEquals("c", text.substring(offsets.toUtf16(4), offsets.toUtf16(5)));
        assertEquals(text.length(), offsets.toUtf16(5));
    }

    @Test
    void loneSurrogatesCountAsOneCodePointEach() {
        String text = "x\uD800y\uDC00z";
        CodePointOffsets offsets = CodePointOffsets.of(text);
        assertEquals(5, offsets.codePoints());
        assertEquals(4, offsets.toUtf16(4));
    }

    @Test
    void loneSurrogatesAreReplacedAndPairsKept() {
        assertEquals("x\uFFFDy\uFFFD😀", PresidioClient.withoutLoneSurrogates("x\uD800y\uDC00😀"));
        assertEquals("\uFFFD", PresidioClient.withoutLoneSurrogates("\uD83D"));
        String clean = "no surrogates 😀 here";
        assertSame(clean, PresidioClient.withoutLoneSurrogates(clean));
    }
}
