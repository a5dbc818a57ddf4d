package dev.tollgate.testing;

import dev.tollgate.pii.NormalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a text (e.g. what a recording cloud received) still reveals a value. The text is read as detection reads
 * it ({@link NormalizedText}: invisible characters dropped, look-alike letters, digits and dashes folded, and
 * right-to-left override runs also read backwards), then compared without separators and case: the whole value,
 * for a PERSON each part of the name as a word, for an EMAIL_ADDRESS its local part too, and for a value with six
 * or more digits its digit sequence.
 */
public final class Leaks {
    private static final int MIN_DIGITS = 6;
    private static final int MIN_NAME_PART = 2;

    private Leaks() {
    }

    public static boolean reveals(String text, EvasionSet.Case value) {
        return reveals(text, value.type(), value.canonical());
    }

    public static boolean reveals(String text, String type, String canonical) {
        NormalizedText normalized = NormalizedText.of(text);
        for (String seen : List.of(normalized.text(), normalized.withOverridesReversed().text())) {
            if (revealsIn(seen.toLowerCase(Locale.ROOT), type, plain(canonical))) {
                return true;
            }
        }
        return false;
    }

    private static boolean revealsIn(String seen, String type, String canonical) {
        String compact = lettersAndDigits(seen);
        List<String> needles = new ArrayList<>();
        needles.add(lettersAndDigits(canonical));
        if (type.equals("EMAIL_ADDRESS") && canonical.contains("@")) {
            needles.add(lettersAndDigits(canonical.substring(0, canonical.indexOf('@'))));
        }
        for (String needle : needles) {
            if (!needle.isEmpty() && compact.contains(needle)) {
                return true;
            }
        }
        if (type.equals("PERSON")) {
            for (String part : canonical.split("[\\s-]+")) {
                if (part.length() >= MIN_NAME_PART && Pattern.compile(
                        "(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])").matcher(seen).find()) {
                    return true;
                }
            }
        }
        String digits = digits(canonical);
        return digits.length() >= MIN_DIGITS && digits(seen).contains(digits);
    }

    private static String plain(String canonical) {
        return NormalizedText.of(canonical).text().toLowerCase(Locale.ROOT);
    }

    private static String lettersAndDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static String digits(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().filter(c -> c >= '0' && c <= '9').forEach(c -> out.append((char) c));
        return out.toString();
    }
}
