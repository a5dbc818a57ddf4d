package dev.tollgate.classify;

/**
 * The words of a folded text: maximal runs of letters and digits, as offsets into the text.
 * Everything else (space, punctuation, apostrophes, hyphens) separates words, so "x-ray"
 * is the two words "x" "ray" in the text and in a lexicon alike.
 */
final class Tokens {
    private final String text;
    private final int[] starts;
    private final int[] ends;
    private final int count;

    private Tokens(String text, int[] starts, int[] ends, int count) {
        this.text = text;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
    }

    static Tokens of(String folded) {
        int capacity = folded.length() / 2 + 1;
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int count = 0;
        int i = 0;
        int length = folded.length();
        while (i < length) {
            while (i < length && !Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            if (i == length) {
                break;
            }
            starts[count] = i;
            while (i < length && Character.isLetterOrDigit(folded.charAt(i))) {
                i++;
            }
            ends[count++] = i;
        }
        return new Tokens(folded, starts, ends, count);
    }

    String text() {
        return text;
    }

    int count() {
        return count;
    }

    int start(int index) {
        return starts[index];
    }

    int end(int index) {
        return ends[index];
    }

    String word(int index) {
        return text.substring(starts[index], ends[index]);
    }
}
