package dev.tollgate.pii.recognizers;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * DATE_OF_BIRTH: a real calendar date (numeric, ISO, or with a month name in English, German, French, Spanish
 * or Italian) reported only after a birth context word; any other date is not personal data by itself.
 * Years are accepted from 1900 to 2099 rather than up to today, so that detection does not depend on the clock
 * and a replayed decision sees the same findings.
 */
public final class DateOfBirthRecognizer extends PatternRecognizer {
    private static final String ORDINAL = "(?:st|nd|rd|th|er|º|\\.)?";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:"
                    + "(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})"
                    + "|(\\d{4})-(\\d{2})-(\\d{2})"
                    + "|(\\d{1,2})" + ORDINAL + SP + "(?:de" + SP + ")?(\\p{L}{3,10}+)\\.?,?" + SP + "(?:de" + SP + ")?(\\d{4})"
                    + "|(\\p{L}{3,10}+)\\.?" + SP + "(\\d{1,2})" + ORDINAL + ",?" + SP + "(\\d{4})"
                    + ")(?![\\p{L}\\p{N}]|[./-]\\d)");
    private static final ContextWords CONTEXT = ContextWords.of(
            "born", "date of birth", "birth date", "birthdate", "birthday", "dob", "d.o.b.", "d.o.b",
            "geboren", "geb.", "geburtsdatum", "geburtstag",
            "né le", "née le", "né(e) le", "né en", "née en", "date de naissance",
            "nacido", "nacida", "nacido el", "nacida el", "fecha de nacimiento", "f. nac.",
            "nato il", "nata il", "nato a", "nata a", "data di nascita");
    private static final Map<String, Integer> MONTHS = months();

    public DateOfBirthRecognizer() {
        super("DATE_OF_BIRTH", PATTERN, Windows.afterContext(CONTEXT, ContextWords.WINDOW + 32), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult m) {
        boolean valid;
        if (m.group(1) != null) {
            int year = fullYear(m.group(4));
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            valid = isDate(year, b, a) || (m.group(2).equals("/") && isDate(year, a, b));
        } else if (m.group(5) != null) {
            valid = isDate(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)));
        } else if (m.group(8) != null) {
            valid = isDate(Integer.parseInt(m.group(10)), month(m.group(9)), Integer.parseInt(m.group(8)));
        } else {
            valid = isDate(Integer.parseInt(m.group(13)), month(m.group(11)), Integer.parseInt(m.group(12)));
        }
        return valid ? new Candidate(m.start(), m.end(), 0.6, "valid calendar date", true) : null;
    }

    /** Two-digit years are read as 19xx: a date of birth rarely lies in this century's future. */
    private static int fullYear(String year) {
        return year.length() == 2 ? 1900 + Integer.parseInt(year) : Integer.parseInt(year);
    }

    private static boolean isDate(int year, int month, int day) {
        return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1
                && YearMonth.of(year, month).isValidDay(day);
    }

    private static int month(String name) {
        return MONTHS.getOrDefault(ContextWords.lower(name, 0, name.length()), 0);
    }

    private static Map<String, Integer> months() {
        String[][] names = {
                {"january", "jan", "januar", "jänner", "janvier", "enero", "gennaio", "genn"},
                {"february", "feb", "februar", "feber", "février", "fév", "févr", "febrero", "febbraio", "febr"},
                {"march", "mar", "märz", "mars", "marzo"},
                {"april", "apr", "avril", "avr", "abril", "aprile"},
                {"may", "mai", "mayo", "maggio", "magg"},
                {"june", "jun", "juni", "juin", "junio", "giugno", "giu"},
                {"july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug"},
                {"august", "aug", "août", "agosto", "ago"},
                {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "sett", "set"},
                {"october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott"},
                {"november", "nov", "novembre", "noviembre"},
                {"december", "dec", "dezember", "dez", "décembre", "déc", "diciembre", "dic", "dicembre"}};
        Map<String, Integer> months = new HashMap<>();
        for (int m = 0; m < names.length; m++) {
            for (String name : names[m]) {
                months.put(name, m + 1);
            }
        }
        return Map.copyOf(months);
    }
}
