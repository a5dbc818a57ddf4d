package dev.tollgate.pii.recognizers;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * FR_NIR, the French social security number (numéro d'inscription au répertoire, "numéro de sécu"): sex,
 * year, month, department (2A/2B for Corsica), commune, order number and a key equal to 97 - (number mod 97),
 * where the Corsican departments count as 19 (2A) and 18 (2B).
 */
public final class FrNirRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])([1-478])(" + SP + "?)(\\d{2})\\2(\\d{2})\\2(\\d{2}|2[AB])\\2(\\d{3})\\2(\\d{3})\\2(\\d{2})"
                    + "(?![\\p{L}\\p{N}])");
    private static final ContextWords CONTEXT = ContextWords.of(
            "nir", "insee", "numéro insee", "sécurité sociale", "sécu", "numéro de sécurité sociale", "carte vitale",
            "numéro d'inscription au répertoire",
            "social security", "social security number", "sozialversicherungsnummer", "seguridad social",
            "número de seguridad social", "previdenza sociale");

    public FrNirRecognizer() {
        super("FR_NIR", PATTERN, Windows.runs(CharClass.UPPER_ALNUM, CharClass.DIGIT, 13), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        int month = Integer.parseInt(match.group(4));
        String department = match.group(5);
        if (!plausibleMonth(month) || department.equals("00")) {
            return null;
        }
        String number = match.group(1) + match.group(3) + match.group(4)
                + (department.equals("2A") ? "19" : department.equals("2B") ? "18" : department)
                + match.group(6) + match.group(7);
        int key = Integer.parseInt(match.group(8));
        if (key != 97 - (int) (Long.parseLong(number) % 97)) {
            return null;
        }
        return new Candidate(match.start(), match.end(), 0.7, "NIR structure valid, key = 97 - (number mod 97)");
    }

    /** 01-12, or the codes INSEE assigns when the month of birth is unknown (20, 30-42, 50-99). */
    private static boolean plausibleMonth(int month) {
        return (month >= 1 && month <= 12) || month == 20 || (month >= 30 && month <= 42) || month >= 50;
    }
}
