package dev.tollgate.pii.ner;

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

    private TextChunks() {
    }

    /** Token spans (UTF-16 offsets into {@code text}), grouped into chunks. */
    static List<Span[]> of(String text) {
        Span[] tokens = SimpleTokenizer.INSTANCE.tokenizePos(text);
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

    static String[] strings(String text, Span[] chunk) {
        String[] words = new String[chunk.length];
        for (int i = 0; i < chunk.length; i++) {
            words[i] = text.substring(chunk[i].getStart(), chunk[i].getEnd());
        }
        return words;
    }

    private static boolean endsChunk(String text, Span[] tokens, int i) {
        if (text.indexOf('\n', tokens[i].getEnd()) >= 0
                && text.indexOf('\n', tokens[i].getEnd()) < tokens[i + 1].getStart()) {
            return true;
        }
        char c = text.charAt(tokens[i].getStart());
        if (tokens[i].length() != 1 || (c != '.' && c != '!' && c != '?')) {
            return false;
        }
        return c != '.' || (i > 0 && tokens[i - 1].length() >= 4);
    }
}
