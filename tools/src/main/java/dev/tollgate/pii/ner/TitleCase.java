package dev.tollgate.pii.ner;

/** Every word with a capital initial: "lemon tart" becomes "Lemon Tart". */
final class TitleCase {
    private TitleCase() {
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean wordStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(wordStart ? Character.toUpperCase(c) : c);
            wordStart = Character.isWhitespace(c) || c == '-';
        }
        return out.toString();
    }
}
