package dev.tollgate.pii.recognizers;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * IT_FISCAL_CODE, the codice fiscale: six letters for surname and name, year, month letter, day (plus 40 for
 * women), cadastral code of the birthplace and a control character. Digits may be replaced by letters
 * (omocodia) when two people would otherwise share a code.
 */
public final class ItFiscalCodeRecognizer extends PatternRecognizer {
    private static final String DIGIT = "[0-9LMNPQRSTUV]";
    private static final String OMOCODIA_LETTERS = "LMNPQRSTUV";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[A-Z]{6}" + DIGIT + "{2}[ABCDEHLMPRST](" + DIGIT + "{2})[A-Z]" + DIGIT + "{3}[A-Z]"
                    + "(?![\\p{L}\\p{N}])");
    /** Values of the characters in odd (1st, 3rd, ...) positions; digits 0-9 share them with letters A-J. */
    private static final int[] ODD = {
            1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    private static final ContextWords CONTEXT = ContextWords.of(
            "codice fiscale", "cod. fisc.", "cod fisc", "c.f.", "cf", "tessera sanitaria",
            "fiscal code", "italian tax code", "tax code",
            "steuernummer", "steuer-id", "code fiscal", "código fiscal");

    public ItFiscalCodeRecognizer() {
        super("IT_FISCAL_CODE", PATTERN, Windows.runs(CharClass.UPPER_ALNUM, CharClass.UPPER_ALNUM, 16), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String code = match.group();
        int day = Integer.parseInt(plainDigits(match.group(1)));
        if (day < 1 || (day > 31 && day < 41) || day > 71 || controlChar(code) != code.charAt(15)) {
            return null;
        }
        return new Candidate(match.start(), match.end(), 0.85, "codice fiscale structure and control character valid");
    }

    static char controlChar(String code) {
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = code.charAt(i);
            int index = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? ODD[index] : index;
        }
        return (char) ('A' + sum % 26);
    }

    private static String plainDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(Character.isDigit(c) ? c : (char) ('0' + OMOCODIA_LETTERS.indexOf(c)));
        }
        return sb.toString();
    }
}
