package dev.tollgate.mask;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The parts of a masked value that identify it on their own, so that a text that repeats only a part (a model's
 * draft greeting "Maria," or quoting an account number without its spaces) is masked too:
 * <ul>
 *   <li>a person's name: each name word of two letters or more ("Maria", "Schmidt", and "Anna" and "Lena" of
 *       "Anna-Lena"), titles and particles ("Dr", "von", "de") excepted;</li>
 *   <li>an e-mail address: its local part ("maria.schmidt", also before an obfuscated "[at]" or " at ") unless it
 *       is a role name ("info", "support"), and
 *       the pieces of it between dots, underscores, hyphens and plus signs that are words of three letters or
 *       more, again except role names;</li>
 *   <li>any value with at least {@link #MIN_DIGITS} decimal digits (IBAN, card, phone and identity numbers): its
 *       digits, whatever script they are written in, as ASCII.</li>
 * </ul>
 */
final class ValueParts {
    /** A run of this many of a value's digits identifies it; shorter runs are dates, amounts, house numbers. */
    static final int MIN_DIGITS = 6;
    private static final Pattern NAME_SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}'’]+");
    /** Where the local part ends: at '@', a full-width '＠', or an obfuscated "at" ("[at]", "(at)", " at "). */
    private static final Pattern AT = Pattern.compile("[@＠]|\\s*[\\[({]\\s*at\\s*[\\])}]\\s*|\\s+at\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCAL_PART_SEPARATORS = Pattern.compile("[._+\\-]+");
    private static final Set<String> NOT_NAMES = Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "sir", "herr",
            "frau", "mme", "mlle", "von", "van", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la",
            "los", "las", "bin", "ibn", "al", "el", "dos", "das", "zu", "ten", "ter", "jr", "sr");
    private static final Set<String> ROLE_NAMES = Set.of("info", "contact", "kontakt", "mail", "email", "admin",
            "support", "office", "sales", "hello", "team", "service", "noreply", "reply", "post", "webmaster",
            "billing", "help", "privacy", "jobs", "news", "newsletter", "hr", "abuse", "postmaster");
    private static final Set<String> NOT_LOCAL_PART_NAMES = Stream.concat(NOT_NAMES.stream(), ROLE_NAMES.stream())
            .collect(Collectors.toUnmodifiableSet());

    private ValueParts() {
    }

    /** The words of the value that identify it, besides the value itself; empty for types without word parts. */
    static Set<String> words(String type, String value) {
        Set<String> words = new LinkedHashSet<>();
        switch (type) {
            case "PERSON" -> {
                for (String word : NAME_SEPARATORS.split(value)) {
                    addWord(word, 2, NOT_NAMES, words);
                }
            }
            case "EMAIL_ADDRESS" -> {
                Matcher at = AT.matcher(value);
                String local = at.find() ? value.substring(0, at.start()) : "";
                if (!ROLE_NAMES.contains(lower(local))) {
                    words.add(local);
                }
                for (String piece : LOCAL_PART_SEPARATORS.split(local)) {
                    if (piece.codePoints().allMatch(Character::isLetter)) {
                        addWord(piece, 3, NOT_LOCAL_PART_NAMES, words);
                    }
                }
            }
            default -> {
            }
        }
        words.removeIf(String::isBlank);
        words.remove(value);
        return words;
    }

    /** The value's decimal digits as ASCII, or "" when it has fewer than {@link #MIN_DIGITS}. */
    static String digits(String value) {
        StringBuilder digits = new StringBuilder();
        value.codePoints().filter(Character::isDigit).forEach(cp -> digits.append(Character.digit(cp, 10)));
        return digits.length() < MIN_DIGITS ? "" : digits.toString();
    }

    private static void addWord(String word, int minLetters, Set<String> except, Set<String> words) {
        long letters = word.codePoints().filter(Character::isLetter).count();
        if (letters >= minLetters && !except.contains(lower(word))) {
            words.add(word);
        }
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
