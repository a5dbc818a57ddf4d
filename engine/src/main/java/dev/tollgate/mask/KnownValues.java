package dev.tollgate.mask;

import dev.tollgate.pii.NormalizedText;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values a session masked and their {@link ValueParts parts}, and where they reappear in another text.
 * A value and each of its word parts are found as whole words in any letter case, also with invisible format
 * characters (zero-width space, soft hyphen) inside and any run of white space where the value has a space. A
 * number is found by its digits: a run of digits in the text, with up to three spaces, dashes, dots or slashes
 * between any two, that shares {@link ValueParts#MIN_DIGITS} consecutive digits with a known value is masked, and
 * so is the word it stands in ("DE89370400440532013000" as a whole).
 *
 * <p>Every reappearance gets the replacement its value got: a part stands for its whole value, so that
 * restoring an answer gives the whole value where the cloud kept the part's placeholder. Where two values of a type
 * share a part, the value masked first gets it. Text already standing as a replacement is never looked into.
 */
final class KnownValues {
    private static final String WORD_CHAR = "[\\p{L}\\p{M}\\p{N}]";
    /** Digits with up to this many spaces, dashes, dots, slashes or format characters between them are one run. */
    private static final int MAX_SEPARATORS = 3;
    /** Stands in for replacements while searching: neither a letter, digit, separator nor format character. */
    private static final char BLANK = '\u0000';
    /** Longer than any replacement: {@code <TYPE#16 hex digits>} with the longest type name. */
    private static final int MAX_REPLACEMENT = 128;

    private record Known(String type, Operator operator, String replacement) {
    }

    /** A term's pattern is compiled when the term is first looked for: most values are never repeated. */
    private static final class Term {
        private final String text;
        private final Known known;
        private Pattern pattern;

        Term(String text, Known known) {
            this.text = text;
            this.known = known;
        }

        Known known() {
            return known;
        }

        Pattern pattern() {
            if (pattern == null) {
                pattern = wholeWord(text);
            }
            return pattern;
        }
    }

    private record Found(int start, int end, Known known) {
    }

    private record Word(int start, String folded) {
    }

    private static final class Node {
        private final Map<String, Node> next = new HashMap<>();
        private final List<Term> terms = new ArrayList<>();
    }

    /** The terms by their words, folded, word after word: a text is walked from each of its words. */
    private final Node terms = new Node();
    /** Type and folded term of every term: a term belongs to the first value of its type that has it. */
    private final Set<String> termKeys = new HashSet<>();
    private int mostWords;
    /** Terms verified character by character so far: the work a search did, for tests that it stays linear. */
    private long verified;
    /** The known values, at most one per type, whose digits hold each run of {@link ValueParts#MIN_DIGITS}. */
    private final Map<String, List<Known>> byDigitRun = new HashMap<>();
    private final Set<String> replacements = new HashSet<>();

    /** Values remembered but not yet indexed: indexing waits for the first search (/v1/mask never searches). */
    private final List<Remembered> unindexed = new ArrayList<>();
    /** Every value remembered so far: a value masked again (it reappears in the request) is indexed once. */
    private final Set<Remembered> remembered = new HashSet<>();

    private record Remembered(String type, Operator operator, String value, String replacement) {
    }

    void add(String type, Operator operator, String value, String replacement) {
        Remembered entry = new Remembered(type, operator, value, replacement);
        if (remembered.add(entry)) {
            unindexed.add(entry);
        }
    }

    private void index() {
        unindexed.forEach(this::index);
        unindexed.clear();
    }

    private void index(Remembered value) {
        Known known = new Known(value.type(), value.operator(), value.replacement());
        replacements.add(value.replacement());
        writings(value.value()).forEach(writing -> index(writing, known));
    }

    /**
     * The value as the request wrote it and as detection read it (look-alike letters, other scripts' digits and
     * invisible characters folded), and that reading reversed: a value stored backwards inside a right-to-left
     * override displays, and is repeated by a model, the right way round. The override itself lies outside the
     * masked span, so every value is remembered both ways.
     */
    private static Set<String> writings(String value) {
        String normal = NormalizedText.of(value).text();
        return new LinkedHashSet<>(List.of(value, normal, new StringBuilder(normal).reverse().toString()));
    }

    private void index(String value, Known known) {
        String type = known.type();
        addTerm(value, known);
        ValueParts.words(type, value).forEach(word -> addTerm(word, known));
        String digits = ValueParts.digits(value);
        for (int i = 0; i + ValueParts.MIN_DIGITS <= digits.length(); i++) {
            List<Known> knowns = byDigitRun.computeIfAbsent(digits.substring(i, i + ValueParts.MIN_DIGITS),
                    run -> new ArrayList<>());
            if (knowns.stream().noneMatch(k -> k.type().equals(type))) {
                knowns.add(known);
            }
        }
    }

    private void addTerm(String term, Known known) {
        String trimmed = trimmed(term);
        List<Word> words = words(trimmed);
        if (!words.isEmpty() && termKeys.add(known.type() + " " + fold(trimmed))) {
            Node node = terms;
            for (Word word : words) {
                node = node.next.computeIfAbsent(word.folded(), w -> new Node());
            }
            node.terms.add(new Term(trimmed, known));
            mostWords = Math.max(mostWords, words.size());
        }
    }

    /**
     * The text with every reappearance of a known value of one of these types, or a part of one, masked. It takes
     * time in proportion to the text's length: from each word of the text, only terms that start with it and go
     * on with the words that follow it are tried.
     */
    MaskedText mask(String text, Set<String> types) {
        index();
        String searched = withoutReplacements(text);
        List<Found> found = new ArrayList<>();
        List<Word> words = words(searched);
        for (int first = 0; first < words.size(); first++) {
            Node node = terms;
            for (int w = first; w < words.size() && w - first < mostWords; w++) {
                node = node.next.get(words.get(w).folded());
                if (node == null) {
                    break;
                }
                found.addAll(matches(node.terms, searched, words.get(first).start(), types));
            }
        }
        for (int start = nextDigit(searched, 0); start < searched.length(); ) {
            int end = digitRunEnd(searched, start);
            Known known = knownDigits(searched.substring(start, end), types);
            if (known != null) {
                found.add(new Found(wordStart(searched, start), wordEnd(searched, end), known));
            }
            start = nextDigit(searched, end);
        }
        return replace(text, merged(found));
    }

    long verified() {
        return verified;
    }

    /** The terms of these types that stand in the text at {@code start}, verified character by character. */
    private List<Found> matches(List<Term> candidates, String text, int start, Set<String> types) {
        List<Found> found = new ArrayList<>();
        for (Term term : candidates) {
            if (types.contains(term.known().type())) {
                verified++;
                Matcher m = term.pattern().matcher(text).region(start, text.length()).useTransparentBounds(true);
                if (m.lookingAt()) {
                    found.add(new Found(start, m.end(), term.known()));
                }
            }
        }
        return found;
    }

    private static int nextDigit(String text, int from) {
        int i = from;
        while (i < text.length() && !Character.isDigit(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /** Where the run of digits starting at {@code start} ends: after its last digit. */
    private static int digitRunEnd(String text, int start) {
        int end = start + Character.charCount(text.codePointAt(start));
        int i = end;
        int separators = 0;
        while (i < text.length() && separators <= MAX_SEPARATORS) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isDigit(cp)) {
                end = i;
                separators = 0;
            } else if (isSeparator(cp)) {
                separators++;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean isSeparator(int cp) {
        int type = Character.getType(cp);
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || type == Character.DASH_PUNCTUATION
                || type == Character.FORMAT || cp == '.' || cp == '/';
    }

    private Known knownDigits(String run, Set<String> types) {
        String digits = ValueParts.digits(run);
        for (int i = 0; i + ValueParts.MIN_DIGITS <= digits.length(); i++) {
            for (Known known : byDigitRun.getOrDefault(digits.substring(i, i + ValueParts.MIN_DIGITS), List.of())) {
                if (types.contains(known.type())) {
                    return known;
                }
            }
        }
        return null;
    }

    /**
     * The text with every replacement this session handed out that starts with '<' (placeholders, hashes,
     * {@code <REDACTED>}) blanked; a partial mask shows at most four characters, too few to match anything.
     */
    private String withoutReplacements(String text) {
        StringBuilder searched = new StringBuilder(text);
        for (int at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
            int close = text.indexOf('>', at);
            if (close > at && close - at < MAX_REPLACEMENT && replacements.contains(text.substring(at, close + 1))) {
                for (int i = at; i <= close; i++) {
                    searched.setCharAt(i, BLANK);
                }
            }
        }
        return searched.toString();
    }

    /** Overlapping finds become one, with the replacement of the longest of them. */
    private static List<Found> merged(List<Found> found) {
        found.sort(Comparator.comparingInt(Found::start));
        List<Found> merged = new ArrayList<>();
        for (Found f : found) {
            Found last = merged.isEmpty() ? null : merged.getLast();
            if (last == null || f.start() >= last.end()) {
                merged.add(f);
            } else {
                Known longer = f.end() - f.start() > last.end() - last.start() ? f.known() : last.known();
                merged.set(merged.size() - 1, new Found(last.start(), Math.max(last.end(), f.end()), longer));
            }
        }
        return merged;
    }

    private static MaskedText replace(String text, List<Found> found) {
        StringBuilder out = new StringBuilder(text.length());
        List<MaskedSpan> spans = new ArrayList<>(found.size());
        int last = 0;
        for (Found f : found) {
            out.append(text, last, f.start());
            int start = out.length();
            out.append(f.known().replacement());
            spans.add(new MaskedSpan(f.known().type(), f.known().operator(), f.known().replacement(), start,
                    out.length()));
            last = f.end();
        }
        return new MaskedText(out.append(text, last, text.length()).toString(), spans);
    }

    /**
     * The term as a case-insensitive whole-word pattern that also matches with format characters between its
     * characters and any white space where it has white space.
     */
    private static Pattern wholeWord(String term) {
        StringBuilder regex = new StringBuilder("(?<!" + WORD_CHAR + ")");
        int[] codePoints = term.strip().codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            if (i > 0) {
                regex.append("\\p{Cf}*");
            }
            if (Character.isWhitespace(codePoints[i])) {
                regex.append("[\\p{Z}\\s]+");
                while (i + 1 < codePoints.length && Character.isWhitespace(codePoints[i + 1])) {
                    i++;
                }
            } else {
                regex.append(Pattern.quote(Character.toString(codePoints[i])));
            }
        }
        return Pattern.compile(regex.append("(?!" + WORD_CHAR + ")").toString(),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The term from its first to its last letter or digit: what stands around those gives nothing away. */
    private static String trimmed(String term) {
        int start = 0;
        while (start < term.length() && !isWordChar(term.codePointAt(start))) {
            start += Character.charCount(term.codePointAt(start));
        }
        int end = term.length();
        while (end > start && !isWordChar(term.codePointBefore(end))) {
            end -= Character.charCount(term.codePointBefore(end));
        }
        return term.substring(start, end);
    }

    /** The words of a text: runs of letters, marks and digits, folded, with format characters inside skipped. */
    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int start = -1;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            if (isWordChar(cp)) {
                start = start < 0 ? i : start;
                word.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
            } else if (Character.getType(cp) != Character.FORMAT && start >= 0) {
                words.add(new Word(start, word.toString()));
                word.setLength(0);
                start = -1;
            }
        }
        if (start >= 0) {
            words.add(new Word(start, word.toString()));
        }
        return words;
    }

    private static String fold(String term) {
        return term.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static int wordStart(String text, int start) {
        while (start > 0 && Character.isLetterOrDigit(text.codePointBefore(start))) {
            start -= Character.charCount(text.codePointBefore(start));
        }
        return start;
    }

    private static int wordEnd(String text, int end) {
        while (end < text.length() && Character.isLetterOrDigit(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        return end;
    }
}
