package dev.tollgate.pii.recognizers;

import java.time.YearMonth;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * PL_PESEL: eleven digits YYMMDDZZZXQ whose first six encode a real date of birth (the month carries the century:
 * +80 for the 1800s, +20 for the 2000s, ...) and whose last is the weighted check digit (weights 1,3,7,9).
 */
public final class PlPeselRecognizer extends PatternRecognizer {
    private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
    private static final Pattern PATTERN = Pattern.compile("(?<![\\p{L}\\p{N}.,-])\\d{11}+(?![\\p{L}\\p{N}]|[.,]\\d)");
    private static final ContextWords CONTEXT = ContextWords.of(
            "pesel", "numer pesel", "nr pesel", "numer ewidencyjny",
            "polish id", "personal number", "polnische", "identifiant polonais", "número pesel", "codice pesel");

    public PlPeselRecognizer() {
        super("PL_PESEL", PATTERN, Windows.runs(CharClass.NUMERIC, CharClass.DIGIT, 11), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String digits = match.group();
        if (!validDate(digits) || checkDigit(digits) != digits.charAt(10) - '0') {
            return null;
        }
        return new Candidate(match.start(), match.end(), 0.5, "PESEL date of birth and check digit valid");
    }

    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += WEIGHTS[i] * (digits.charAt(i) - '0');
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean validDate(String digits) {
        int yy = Integer.parseInt(digits.substring(0, 2));
        int mm = Integer.parseInt(digits.substring(2, 4));
        int dd = Integer.parseInt(digits.substring(4, 6));
        int century = switch (mm / 20) {
            case 0 -> 1900;
            case 1 -> 2000;
            case 2 -> 2100;
            case 3 -> 2200;
            default -> 1800;
        };
        int month = mm % 20;
        return month >= 1 && month <= 12 && dd >= 1 && YearMonth.of(century + yy, month).isValidDay(dd);
    }
}
