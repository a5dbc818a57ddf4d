package dev.tollgate.pii.recognizers;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * IMEI: 15 digits with a Luhn check digit. Fifteen Luhn-valid digits are also a plausible card number, so a
 * contiguous run is reported only after a context word; the TAC-serial-check grouping (35-209900-176148-1)
 * is specific enough on its own.
 */
public final class ImeiRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,/-])(?:\\d{15}+|\\d{2}([ -])\\d{6}\\1\\d{6}\\1\\d|\\d{8}([ -])\\d{6}\\2\\d)"
                    + "(?![\\p{L}\\p{N}]|[ /-]\\d)");
    private static final ContextWords CONTEXT = ContextWords.of(
            "imei*", "serial number", "device id", "handset",
            "seriennummer", "geräte-id", "gerätenummer",
            "numéro de série", "identifiant de l'appareil",
            "número de serie", "identificador del dispositivo",
            "numero di serie", "codice imei");

    public ImeiRecognizer() {
        super("IMEI", PATTERN, Windows.runs(CharClass.NUMERIC, CharClass.DIGIT, 15), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String digits = digits(match);
        if (!Luhn.isValid(digits) || digits.chars().distinct().count() == 1) {
            return null;
        }
        boolean grouped = digits.length() != match.group().length();
        return new Candidate(match.start(), match.end(), 0.6,
                "15-digit IMEI" + (grouped ? " in TAC-serial-check grouping" : "") + ", Luhn checksum valid", !grouped);
    }
}
