package dev.tollgate.pii.ner;

import dev.tollgate.pii.DetectionWork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Splits a text into tokens and the tokens into chunks the name finder sees as one sentence: a chunk ends at a
 * line break, after "!" or "?", after a "." that follows a word of four or more characters (so "Dr." and
 * "Co." do not end one) and after {@value #MAX_TOKENS} tokens, which bounds the cost of one decode. Training
 * and recognition chunk the same way.
 */
final class TextChunks {
    static final int MAX_TOKENS = 120;
    /** Tokens kept on each side of a possible name: the model's features look two tokens either way. */
    static final int CONTEXT_TOKENS = 6;

    private TextChunks() {
    }

    /** Token spans (UTF-16 offsets into {@code text}), grouped into chunks. */
    static List<Span[]> of(String text) {
        Span[] tokens = SimpleTokenizer.INSTANCE.tokenizePos(text);
        DetectionWork.add(text.length());
        List<Span[]> chunks = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < tokens.length; i++) {
            boolean last = i + 1 == tokens.length;
            if (last || i + 1 - from >= MAX_TOKENS || endsChunk(text, tokens, i)) {
                chunks.add(Arrays.copyOfRange(tokens, from, i + 1));
                from = i + 1;
            }
        }
        return chunks;
    }

    /**
     * The parts of a chunk the name finder needs to decode: the tokens within {@value #CONTEXT_TOKENS} of a token
     * that could be (part of) a name, i.e. starts with a capital letter and has another letter, merged where they
     * touch. A chunk of punctuation, digits or lower-case words has no such part; this bounds the finder's work by
     * the capitalised words in the text rather than by its tokens.
     */
    static List<Span[]> nameWindows(String text, Span[] chunk) {
        List<Span[]> windows = new ArrayList<>();
        int from = -1;
        int to = -1;
        for (int i = 0; i < chunk.length; i++) {
            if (!mayBeName(text, chunk[i])) {
                continue;
            }
            int start = Math.max(0, i - CONTEXT_TOKENS);
            if (start > to && from >= 0) {
                windows.add(Arrays.copyOfRange(chunk, from, to));
                from = -1;
            }
            if (from < 0) {
                from = start;
            }
            to = Math.min(chunk.length, i + CONTEXT_TOKENS + 1);
        }
        if (from >= 0) {
            windows.add(Arrays.copyOfRange(chunk, from, to));
        }
        return windows;
    }

    private static boolean mayBeName(String text, Span token) {
        if (token.length() < 2 || !Character.isUpperCase(text.codePointAt(token.getStart()))) {
            return false;
        }
        int second = text.offsetByCodePoints(token.getStart(), 1);
        return second < token.getEnd() && Character.isLetter(text.codePointAt(second));
    }

    static String[] strings(String text, Span[] chunk) {
        String[] words = new String[chunk.length];
        for (int i = 0; i < chunk.length; i++) {
            words[i] = text.substring(chunk[i].getStart(), chunk[i].getEnd());
        }
        return words;
    }

    private static boolean endsChunk(String text, Span[] tokens, int i) {
        if (hasLineBreak(text, tokens[i].getEnd(), tokens[i + 1].getStart())) {
            return true;
        }
        char c = text.charAt(tokens[i].getStart());
        if (tokens[i].length() != 1 || (c != '.' && c != '!' && c != '?')) {
            return false;
        }
        return c != '.' || (i > 0 && tokens[i - 1].length() >= 4);
    }

    /** Looks only between the two tokens: searching the rest of the text from every token would be quadratic. */
    private static boolean hasLineBreak(String text, int from, int to) {
        DetectionWork.add(to - from);
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                return true;
            }
        }
        return false;
    }
}
