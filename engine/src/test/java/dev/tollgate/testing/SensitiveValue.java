package dev.tollgate.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value of a request that must not reach the cloud, with the test's own idea, kept apart from the masking code,
 * of what gives it away: the value in any letter case, each word of a name, an e-mail's local part and its pieces,
 * and any run of {@link #DIGIT_RUN} of its digits however they are grouped.
 *
 * @param type  the entity type, e.g. PERSON, EMAIL_ADDRESS, IBAN_CODE
 * @param value the value as the request writes it
 */
public record SensitiveValue(String type, String value) {
    public static final int DIGIT_RUN = 6;
    private static final Pattern NUMBER = Pattern.compile("\\p{Nd}(?:[^\\p{L}\\p{Nd}<>]{0,3}\\p{Nd})*");
    private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]{1,64}>");
    private static final Pattern LOCAL_PART_END = Pattern.compile("[@＠]|\\s*[\\[(]?\\s*\\bat\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORMAT_CHARACTERS = Pattern.compile("\\p{Cf}");

    /**
     * The words that give the value away on their own: each word of three letters or more of a name, an e-mail's
     * local part and its pieces of three letters or more.
     */
    public List<String> words() {
        Set<String> words = new LinkedHashSet<>();
        String source = value;
        if (type.equals("EMAIL_ADDRESS")) {
            source = LOCAL_PART_END.split(value, 2)[0];
            words.add(source);
        }
        if (type.equals("PERSON") || type.equals("EMAIL_ADDRESS")) {
            for (String word : source.split("[^\\p{L}]+")) {
                if (word.length() >= 3) {
                    words.add(word);
                }
            }
        }
        return List.copyOf(words);
    }

    /** The value's decimal digits, or "" when it has fewer than {@link #DIGIT_RUN}. */
    public String digits() {
        String digits = digitsOf(value);
        return digits.length() < DIGIT_RUN ? "" : digits;
    }

    /**
     * Ways a model could repeat the value or a part of it, for an on-device model that is made to leak: the value
     * in upper case, each of its words followed by a comma, its digits without spaces and a middle run of them
     * grouped by four.
     */
    public List<String> writings() {
        List<String> writings = new ArrayList<>();
        writings.add(value.toUpperCase(Locale.ROOT));
        words().forEach(word -> writings.add(word + ","));
        String digits = digits();
        if (!digits.isEmpty()) {
            writings.add(digits);
            int from = Math.min(digits.length() / 4, digits.length() - DIGIT_RUN);
            String run = digits.substring(from, Math.min(digits.length(), from + DIGIT_RUN + 2));
            writings.add(run.substring(0, 4) + " " + run.substring(4));
        }
        return writings;
    }

    /** What of the value the text gives away: the value, its words, runs of its digits; empty when nothing. */
    public List<String> tracesIn(String text) {
        String plain = FORMAT_CHARACTERS.matcher(text).replaceAll("");
        List<String> traces = new ArrayList<>();
        List<String> words = new ArrayList<>(words());
        words.addFirst(value);
        for (String word : words) {
            if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(plain).find()) {
                traces.add(word);
            }
        }
        String digits = digits();
        if (!digits.isEmpty()) {
            Matcher number = NUMBER.matcher(PLACEHOLDER.matcher(plain).replaceAll(" "));
            while (number.find()) {
                String found = digitsOf(number.group());
                for (int i = 0; i + DIGIT_RUN <= found.length(); i++) {
                    if (digits.contains(found.substring(i, i + DIGIT_RUN))) {
                        traces.add(found);
                        break;
                    }
                }
            }
        }
        return traces;
    }

    private static String digitsOf(String text) {
        StringBuilder digits = new StringBuilder();
        text.codePoints().filter(Character::isDigit).forEach(cp -> digits.append(Character.digit(cp, 10)));
        return digits.toString();
    }
}
