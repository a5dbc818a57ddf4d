package dev.tollgate.pii.recognizers;

import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * US_SSN: AAA-GG-SSSS (dashes, spaces or dots, used consistently) with the SSA's structural rules: area not
 * 000, 666 or 900-999, group not 00, serial not 0000, and not one of the numbers published in advertising.
 * Nine bare digits need a context word.
 */
public final class UsSsnRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.-])(\\d{3})([ .-]?)(\\d{2})\\2(\\d{4})(?![\\p{L}\\p{N}]|[ .-]\\d)");
    private static final Set<String> PUBLISHED = Set.of("078051120", "219099999", "123456789");
    private static final ContextWords CONTEXT = ContextWords.of(
            "ssn", "ssn#", "social security", "social security number", "soc sec", "ss#", "ssa",
            "sozialversicherungsnummer", "numéro de sécurité sociale", "número de seguro social", "seguro social",
            "numero di previdenza sociale");

    public UsSsnRecognizer() {
        super("US_SSN", PATTERN, Windows.runs(CharClass.NUMERIC, CharClass.DIGIT, 9), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        int area = Integer.parseInt(match.group(1));
        String digits = match.group(1) + match.group(3) + match.group(4);
        if (area == 0 || area == 666 || area >= 900 || match.group(3).equals("00") || match.group(4).equals("0000")
                || PUBLISHED.contains(digits) || digits.chars().distinct().count() == 1) {
            return null;
        }
        boolean separated = !match.group(2).isEmpty();
        return new Candidate(match.start(), match.end(), 0.5,
                "SSN area/group/serial rules satisfied" + (separated ? ", AAA-GG-SSSS format" : ""), !separated);
    }
}
