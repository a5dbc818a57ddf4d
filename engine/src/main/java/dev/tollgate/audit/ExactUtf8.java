package dev.tollgate.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A text's bytes for hashing and HMACs, without loss: UTF-8 for every well-formed text (so digests of such texts
 * are unchanged), and an unpaired surrogate written as its own three bytes (as WTF-8 does) where
 * {@code String.getBytes(UTF_8)} would write '?'. Those bytes never occur in UTF-8, so "Hi there \ud800" and
 * "Hi there ?" get different digests.
 */
public final class ExactUtf8 {
    private ExactUtf8() {
    }

    public static byte[] bytes(String text) {
        if (wellFormed(text)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        text.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | cp >> 6);
                out.write(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out.write(0xE0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else {
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            }
        });
        return out.toByteArray();
    }

    /** Whether every surrogate in text is half of a pair, so that UTF-8 can carry it as it is. */
    public static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
