package dev.tollgate.classify;

import java.text.Normalizer;

/**
 * Folds text for keyword matching: canonical decomposition (NFD), combining marks removed, lower case.
 * "Ärztin", "ARZTIN" and "arztin" fold to the same string, as do "diabète" and "diabete".
 * Letters that NFD does not decompose but that writers replace by two letters are expanded
 * (ß to ss, æ to ae, œ to oe, ø to o), so "Fuß" and "Fuss", "cœur" and "coeur" meet.
 */
final class TextFolding {
    private TextFolding() {
    }

    static String fold(String text) {
        String decomposed = Normalizer.isNormalized(text, Normalizer.Form.NFD)
                ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c < 0x80) {
                folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                appendFolded(folded, Character.toLowerCase(c));
            }
        }
        return folded.toString();
    }

    private static void appendFolded(StringBuilder folded, char c) {
        switch (c) {
            case 'ß' -> folded.append("ss");
            case 'æ' -> folded.append("ae");
            case 'œ' -> folded.append("oe");
            case 'ø' -> folded.append('o');
            default -> folded.append(c);
        }
    }
}
