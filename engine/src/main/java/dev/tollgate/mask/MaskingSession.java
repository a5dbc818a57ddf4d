package dev.tollgate.mask;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders of one request and the values they stand for, in memory only: create one per request, use
 * it for every message of that request, and drop it with the request. Not thread-safe, not serializable, and
 * its toString shows only how many placeholders it holds.
 *
 * <p>The same value of the same type always gets the same placeholder ({@code <PERSON_1>}); numbers count per
 * type from 1 in order of first appearance. Values are compared exactly (case and whitespace matter).
 *
 * <p>It remembers every value masked through it, whatever the operator, with its parts (given name, surname,
 * e-mail local part, digits), so that {@link #maskKnownValues} can mask them wherever they reappear. A part
 * reappearing gets its value's placeholder, which {@link #restore} turns back into the whole value.
 */
public final class MaskingSession {
    private static final int MAX_SPACES = 2;

    private final Map<String, Map<String, String>> placeholderByValueByType = new HashMap<>();
    private final Map<String, String> valueByPlaceholder = new HashMap<>();
    /** Per type, each part of a masked value (lower case) -> the placeholder of the value masked first with it. */
    private final Map<String, Map<String, String>> placeholderByPartByType = new HashMap<>();
    private final KnownValues known = new KnownValues();

    /** The placeholder for this value of this type, assigning the next number of the type on first sight. */
    String placeholder(String type, String value) {
        Map<String, String> byValue = placeholderByValueByType.computeIfAbsent(type, t -> new HashMap<>());
        Map<String, String> byPart = placeholderByPartByType.computeIfAbsent(type, t -> new HashMap<>());
        // A value detected anew that is a part of one already masked ("Maria" of "Maria Schmidt") gets its placeholder.
        String existing = byValue.getOrDefault(value, byPart.get(value.toLowerCase(Locale.ROOT)));
        if (existing != null) {
            return existing;
        }
        String placeholder = "<" + type + "_" + (byValue.size() + 1) + ">";
        byValue.put(value, placeholder);
        valueByPlaceholder.put(key(type, byValue.size()), value);
        ValueParts.words(type, value).forEach(part -> byPart.putIfAbsent(part.toLowerCase(Locale.ROOT), placeholder));
        return placeholder;
    }

    /** Remembers a value masked in this session and what replaced it, whichever the operator. */
    void remember(String type, Operator operator, String value, String replacement) {
        known.add(type, operator, value, replacement);
    }

    /**
     * The text with every value of these types this session has masked, and every part of one, masked again
     * wherever it reappears, with the replacement the value got (see {@link KnownValues} for how a reappearance is
     * found): for any text bound where the masked request went, such as a model's draft that repeats the prompt.
     */
    public MaskedText maskKnownValues(String text, Collection<String> types) {
        return known.mask(text, Set.copyOf(types));
    }

    /** How many known terms searches have verified character by character: their work, for tests. */
    long termsVerified() {
        return known.verified();
    }

    /** How many placeholders this session has handed out. */
    public int size() {
        return valueByPlaceholder.size();
    }

    /**
     * The model's answer with every placeholder of this session replaced by its value. Besides the exact form
     * {@code <PERSON_1>} it recognises the forms models commonly turn it into: up to two spaces inside the
     * brackets ({@code < PERSON_1 >}), square or curly brackets ({@code [PERSON_1]}, {@code {PERSON_1}}),
     * HTML-escaped angle brackets ({@code &lt;PERSON_1&gt;}), another letter case ({@code <person_1>}) and no
     * brackets at all ({@code PERSON_1}, not inside a longer word or number). Placeholders this session did not
     * hand out ({@code <PERSON_9>}) are left as they are.
     */
    public String restore(String answer) {
        if (valueByPlaceholder.isEmpty()) {
            return answer;
        }
        Matcher m = pattern().matcher(answer);
        StringBuilder out = new StringBuilder(answer.length());
        int last = 0;
        while (m.find()) {
            String value = valueByPlaceholder.get(key(m.group(1), Integer.parseInt(m.group(2))));
            if (value != null) {
                out.append(answer, last, m.start()).append(value);
                last = m.end();
            }
        }
        return out.append(answer, last, answer.length()).toString();
    }

    private Pattern pattern() {
        List<String> types = new ArrayList<>(placeholderByValueByType.keySet());
        // Longest first, so that a type never stops at a shorter type it starts with.
        types.sort((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
        StringBuilder alternatives = new StringBuilder();
        for (String type : types) {
            alternatives.append(alternatives.isEmpty() ? "" : "|").append(Pattern.quote(type));
        }
        String open = "(?:(?:<|\\[|\\{|&lt;)\\x20{0," + MAX_SPACES + "})?";
        String close = "(?:\\x20{0," + MAX_SPACES + "}(?:>|\\]|\\}|&gt;))?";
        return Pattern.compile(open + "(?<![\\p{L}\\p{N}_])(" + alternatives + ")_([0-9]{1,9})(?![\\p{L}\\p{N}_])"
                + close, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String key(String type, int number) {
        return type.toUpperCase(Locale.ROOT) + "_" + number;
    }

    @Override
    public String toString() {
        return "MaskingSession[" + size() + " placeholders]";
    }
}
