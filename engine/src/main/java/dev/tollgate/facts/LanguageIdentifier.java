package dev.tollgate.facts;

import dev.tollgate.Sha256;
import java.nio.charset.StandardCharsets;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identifies the language of a text with OpenNLP's language detector (model langdetect-183 from
 * opennlp-models-langdetect, 103 languages), as an ISO 639-3 code such as "deu", "eng", "fra".
 *
 * <p>Only word-like parts of the text are read: white-space separated words made of letters (with
 * apostrophes and hyphens), stripped of surrounding punctuation. Numbers, identifiers, URLs, code and
 * encoded blobs would otherwise be "recognised" as some language with high confidence (a base64 blob
 * comes out as Persian). At most {@value #SAMPLE_CHARS} characters of such words are read, from the
 * start of the text, which bounds the cost of a call.
 *
 * <p>The answer is "und" when that sample has fewer than {@value #MIN_LETTERS} letters, or when the
 * detector's probability for the best language is low for the sample's length. That probability
 * sharpens quickly with length on real prose (about 0.03 at 40 characters, 0.1 at 100, 0.6 to 0.9 at
 * 300) and slowly on strings of random letters (at most 0.21 at 300), so the threshold grows with the
 * square of the sample length: {@code 0.02 + 0.28 * (chars / 300)^2}, 0.02 for a few words and 0.30
 * for a full sample. Requests of a few words sit at the threshold and may come out "und".
 *
 * <p>The model is loaded once and shared; a {@link LanguageDetectorME} is made per call because it
 * is not documented as thread-safe and making one costs well under a microsecond next to the
 * prediction itself.
 *
 * <p>The prediction (120-150 µs) is remembered per sample: applications send the same system prompt and
 * opening again and again, and the answer depends on the sample alone. The cache is keyed by the sample's
 * SHA-256, so no prompt text outlives its request in memory (a collision is not a practical concern); it holds at
 * most {@value #CACHED_SAMPLES} entries and starts over when full.
 */
public final class LanguageIdentifier {
    public static final String UNDETERMINED = "und";

    static final int MIN_LETTERS = 20;
    static final int SAMPLE_CHARS = 300;
    private static final String MODEL_RESOURCE = "/langdetect-183.bin";
    private static final double BASE_CONFIDENCE = 0.02;
    private static final double FULL_SAMPLE_EXTRA_CONFIDENCE = 0.28;

    static final int CACHED_SAMPLES = 4096;

    private final LanguageDetectorModel model;
    private final Map<String, String> identified = new ConcurrentHashMap<>();

    /** Loads the model from the classpath (about 10 MB, a few hundred milliseconds): make one and share it. */
    public LanguageIdentifier() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model missing from the classpath: " + MODEL_RESOURCE);
            }
            model = new LanguageDetectorModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load language model " + MODEL_RESOURCE, e);
        }
    }

    /** The ISO 639-3 code of the text's language, or {@value #UNDETERMINED}. Thread-safe. */
    public String identify(String text) {
        String sample = wordSample(text);
        String key = digest(sample);
        String language = identified.get(key);
        if (language == null) {
            if (identified.size() >= CACHED_SAMPLES) {
                identified.clear();
            }
            language = predict(sample);
            identified.put(key, language);
        }
        return language;
    }

    private static String digest(String sample) {
        return Sha256.hex(sample.getBytes(StandardCharsets.UTF_8));
    }

    /** The language of a word sample, computed (not remembered). */
    String predict(String sample) {
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return UNDETERMINED;
        }
        Language best = new LanguageDetectorME(model).predictLanguage(sample);
        double filled = (double) sample.length() / SAMPLE_CHARS;
        double required = BASE_CONFIDENCE + FULL_SAMPLE_EXTRA_CONFIDENCE * filled * filled;
        return best.getConfidence() >= required ? best.getLang() : UNDETERMINED;
    }

    /** The word-like words of the text, space separated, up to {@link #SAMPLE_CHARS} characters. */
    static String wordSample(String text) {
        StringBuilder sample = new StringBuilder(Math.min(text.length(), SAMPLE_CHARS));
        int i = 0;
        while (i < text.length() && sample.length() < SAMPLE_CHARS) {
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int wordEnd = i;
            while (wordEnd < text.length() && !Character.isWhitespace(text.charAt(wordEnd))) {
                wordEnd++;
            }
            int start = i;
            int end = wordEnd;
            while (start < end && isPunctuation(text.charAt(start))) {
                start++;
            }
            while (end > start && isPunctuation(text.charAt(end - 1))) {
                end--;
            }
            if (start < end && isWordLike(text, start, end)) {
                if (!sample.isEmpty()) {
                    sample.append(' ');
                }
                sample.append(text, start, Math.min(end, start + SAMPLE_CHARS - sample.length()));
            }
            i = wordEnd;
        }
        return sample.toString();
    }

    /**
     * Letters, marks, apostrophes and hyphens; and the punctuation of scripts written without spaces
     * (Chinese, Japanese), so that a sentence of those counts as one word.
     */
    private static boolean isWordLike(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            boolean wordChar = Character.isLetter(c) || isMark(c) || c == '\'' || c == '’' || c == '-';
            if (!wordChar && !isCjkPunctuation(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPunctuation(char c) {
        return switch (Character.getType(c)) {
            case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.DASH_PUNCTUATION -> true;
            default -> false;
        };
    }

    private static boolean isCjkPunctuation(char c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }
}
