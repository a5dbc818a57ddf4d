package dev.tollgate.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ExactUtf8Test {
    @Test
    void wellFormedTextIsPlainUtf8() {
        for (String text : new String[]{"", "Opening hours?", "Zélie Müller", "€ 12", "👋🏽 日本語", "\u0000\u007f\u0080\u07ff\u0800\uffff"}) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), ExactUtf8.bytes(text), text);
        }
    }

    @Test
    void anUnpairedSurrogateIsWrittenAsItsOwnThreeBytes() {
        assertArrayEquals(new byte[]{'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80, 'b'}, ExactUtf8.bytes("a\ud800b"));
        assertArrayEquals(new byte[]{(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, ExactUtf8.bytes("\udfff"));
        // a low surrogate before a high one is two unpaired surrogates, not a pair
        assertArrayEquals(new byte[]{(byte) 0xED, (byte) 0xB0, (byte) 0x80, (byte) 0xED, (byte) 0xA0, (byte) 0x80},
                ExactUtf8.bytes("\udc00\ud800"));
    }
}
