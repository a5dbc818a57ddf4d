package dev.tollgate.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NormalizedTextTest {

    private static Finding spanOf(NormalizedText normalized, String value) {
        int start = normalized.text().indexOf(value);
        assertTrue(start >= 0, () -> "'" + value + "' not in '" + normalized.text() + "'");
        return normalized.toOriginal(new Finding("T", start, start + value.length(), 1, "test", "test"));
    }

    @Test
    void plainAsciiIsItsOwnNormalFormAndMapsOneToOne() {
        String text = "IBAN DE89 3704 0044 0532 0130 00, thanks";
        NormalizedText normalized = NormalizedText.of(text);
        assertSame(text, normalized.text());
        Finding f = spanOf(normalized, "DE89");
        assertEquals(5, f.start());
        assertEquals(9, f.end());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "full-width digits and at sign | ｍａｒｉａ＠ｅｘａｍｐｌｅ．ｃｏｍ ４１１１ | maria@example.com 4111",
        "Arabic-Indic digits           | ٠٣٠١٢٣                         | 030123",
        "Devanagari digits             | ४१११                           | 4111",
        "every dash a hyphen-minus     | a‐b‑c‒d–e—f−g                  | a-b-c-d-e-f-g",
        "compatibility spaces          | 1\u00A02\u20093\u202F4\u30005  | 1 2 3 4 5",
        "invisible characters dropped  | D\u200BE\u00AD8\u20609\u200D\u202E0\u202C | DE890",
        "Cyrillic and Greek look-alikes | DЕ89 mаria ΑΒΟ                | DE89 maria ABO",
        "case kept for look-alikes     | Іі Ѕѕ                          | Ii Ss",
        "no skeleton for digits or pairs | rn 0 1 l O                   | rn 0 1 l O",
        "combining marks composed      | Jose\u0301                     | José",
    })
    void folds(String what, String text, String expected) {
        assertEquals(expected, NormalizedText.of(text).text(), what);
    }

    @Test
    void cyrillicLettersWithoutALatinTwinStay() {
        assertEquals("Mocквa", NormalizedText.of("Москва").text());
    }

    @Test
    void findingsCoverInvisibleCharactersInsideAndAtTheEdges() {
        String text = "call \u200B030\u00AD1234\u2060567\u200B now";
        NormalizedText normalized = NormalizedText.of(text);
        assertEquals("call 0301234567 now", normalized.text());
        Finding f = spanOf(normalized, "0301234567");
        assertEquals(text.indexOf('\u200B'), f.start());
        assertEquals(text.lastIndexOf('\u200B') + 1, f.end());
    }

    @Test
    void oneOriginalCharacterThatExpandsMapsToItselfWhole() {
        String text = "x ﬁ ½ y";
        NormalizedText normalized = NormalizedText.of(text);
        assertEquals("x fi 1⁄2 y", normalized.text());
        Finding f = spanOf(normalized, "i");
        assertEquals(2, f.start());
        assertEquals(3, f.end());
    }

    @Test
    void surrogatePairsAndUnpairedSurrogatesKeepTheirOffsets() {
        String text = "\uD83D\uDE00 \uD800 𝟒𝟏 ok";
        NormalizedText normalized = NormalizedText.of(text);
        assertEquals("\uD83D\uDE00 \uD800 41 ok", normalized.text());
        Finding f = spanOf(normalized, "41");
        assertEquals(text.indexOf("𝟒"), f.start());
        assertEquals(text.indexOf(" ok"), f.end());
    }

    @Test
    void aValueStoredBackwardsInsideARightToLeftOverrideReadsForwardsWhenReversed() {
        String text = "IBAN: \u202E00 0310 2350 4400 4073 98ED\u202C, ok";
        NormalizedText normalized = NormalizedText.of(text);
        assertTrue(normalized.hasRightToLeftOverride());
        NormalizedText reversed = normalized.withOverridesReversed();
        assertEquals("IBAN: DE89 3704 0044 0532 0130 00, ok", reversed.text());
        Finding f = spanOf(reversed, "DE89 3704 0044 0532 0130 00");
        assertEquals(text.indexOf('\u202E'), f.start());
        assertEquals(text.indexOf('\u202C') + 1, f.end());
    }

    @Test
    void anOverrideRunEndsAtTheLineEndAndReversesWholeCodePoints() {
        String text = "\u202Eab\uD83D\uDE00\nrest";
        NormalizedText reversed = NormalizedText.of(text).withOverridesReversed();
        assertEquals("\uD83D\uDE00ba\nrest", reversed.text());
        assertFalse(NormalizedText.of("no override").hasRightToLeftOverride());
    }
}
