package dev.tollgate.pii.recognizers;

import java.time.YearMonth;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * SE_PERSONNUMMER: YYMMDD-NNNC (or with the century, or '+' for people over 100) whose date is real (day + 60
 * for a samordningsnummer) and whose ten digits YYMMDDNNNC pass the Luhn check.
 */
public final class SePersonnummerRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,+-])(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([+-]?)(\\d{4})(?![\\p{L}\\p{N}]|[.,+-]\\d)");
    private static final ContextWords CONTEXT = ContextWords.of(
            "personnummer", "personnr", "person-nr", "samordningsnummer", "personal identity number",
            "swedish id", "schwedische personennummer", "personennummer", "numéro personnel", "número personal",
            "codice personale");

    public SePersonnummerRecognizer() {
        super("SE_PERSONNUMMER", PATTERN,
                Windows.runs(CharClass.of(CharClass.DIGITS + CharClass.SEPARATORS + "+"), CharClass.DIGIT, 10), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String tenDigits = match.group(2) + match.group(3) + match.group(4) + match.group(6);
        int yy = Integer.parseInt(match.group(2));
        boolean dateValid = match.group(1) == null
                ? validDate(1900 + yy, match.group(3), match.group(4)) || validDate(2000 + yy, match.group(3), match.group(4))
                : centuryValid(match.group(1)) && validDate(Integer.parseInt(match.group(1)) * 100 + yy, match.group(3), match.group(4));
        if (!dateValid || !Luhn.isValid(tenDigits)) {
            return null;
        }
        boolean separated = !match.group(5).isEmpty();
        return new Candidate(match.start(), match.end(), separated ? 0.6 : 0.4,
                "personnummer date and Luhn check digit valid");
    }

    private static boolean centuryValid(String century) {
        return century.equals("18") || century.equals("19") || century.equals("20");
    }

    private static boolean validDate(int year, String month, String day) {
        int mm = Integer.parseInt(month);
        int dd = Integer.parseInt(day);
        if (dd > 60) {
            dd -= 60;
        }
        return mm >= 1 && mm <= 12 && dd >= 1 && YearMonth.of(year, mm).isValidDay(dd);
    }
}
