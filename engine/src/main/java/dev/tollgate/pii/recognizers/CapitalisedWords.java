package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.DetectionWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of a text with their offsets, for rules that read names word by word: a word is a run of characters
 * without space, trailing punctuation excluded; {@code closes} says whether that punctuation ends a clause (a
 * comma, a full stop after a word longer than an abbreviation such as "St.", a colon, ...), which a name never
 * spans. A French or Italian elided article ("l'Université", "all'Ospedale") is not part of the word.
 */
record CapitalisedWords(String text, List<Word> words) {
    /** A word's offsets, its lower-case form and whether a clause ends after it. */
    record Word(int start, int end, String lower, boolean closes) {
    }

    private static final String CLAUSE_END = ",;:!?)]\"”»";

    static CapitalisedWords of(String text) {
        DetectionWork.add(text.length());
        List<Word> words = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int end = i;
            boolean closes = false;
            while (end > start && (CLAUSE_END.indexOf(text.charAt(end - 1)) >= 0 || text.charAt(end - 1) == '.')) {
                if (text.charAt(end - 1) == '.' && text.lastIndexOf('.', end - 2) >= start) {
                    break; // an abbreviation with inner dots keeps its last one: "S.L.", "S.p.A."
                }
                closes |= text.charAt(end - 1) != '.' || end - start > 4;
                end--;
            }
            start = afterElision(text, start, end);
            if (end > start) {
                words.add(new Word(start, end, text.substring(start, end).toLowerCase(Locale.ROOT),
                        closes || end < n && text.charAt(end) == '\n'));
            }
        }
        return new CapitalisedWords(text, List.copyOf(words));
    }

    private static int afterElision(String text, int start, int end) {
        for (int k = start; k < Math.min(end - 1, start + 5); k++) {
            char c = text.charAt(k);
            if ((c == '\'' || c == '’') && Character.isUpperCase(text.charAt(k + 1))
                    && Character.isLowerCase(text.charAt(start))) {
                return k + 1;
            }
        }
        return start;
    }

    String word(int i) {
        Word w = words.get(i);
        return text.substring(w.start(), w.end());
    }

    String lower(int i) {
        return words.get(i).lower();
    }

    /** A capitalised word of letters (hyphens and apostrophes inside): "Brendan's", "Saint-Vincent", "Ömer". */
    boolean isName(int i) {
        String w = word(i);
        if (!Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        for (int k = 1; k < w.length(); k++) {
            char c = w.charAt(k);
            if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK && "'’-.".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    boolean closes(int i) {
        return words.get(i).closes();
    }

    int start(int i) {
        return words.get(i).start();
    }

    int end(int i) {
        return words.get(i).end();
    }

    int size() {
        return words.size();
    }

    /**
     * The last word of a name that starts at word {@code from}: capitalised words, with connectors ("of", "de",
     * "am", ...) between them, up to {@code max} capitalised words and not past a clause end; -1 if none.
     */
    int nameEnd(int from, int max, java.util.Set<String> connectors) {
        int last = -1;
        int names = 0;
        for (int i = from; i < size() && names < max; i++) {
            if (isName(i)) {
                last = i;
                names++;
            } else if (last < 0 || !connectors.contains(lower(i))) {
                break;
            }
            if (closes(i)) {
                break;
            }
        }
        return last;
    }
}
