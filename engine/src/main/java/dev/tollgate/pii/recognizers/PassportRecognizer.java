package dev.tollgate.pii.recognizers;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * PASSPORT: a document number in one of the formats the US, UK and EU states print (nine digits; one to three
 * letters and six to eight digits; the French 12AB34567; the German nine characters from a reduced alphabet;
 * the Dutch two letters, six characters and a digit), reported only after a passport context word. The printed
 * number carries no check digit (the machine-readable zone adds one), so context is the only evidence.
 */
public final class PassportRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:\\d{9}|[A-Z]{1,3}\\d{6,8}|\\d{2}[A-Z]{2}\\d{5}"
                    + "|[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{8}|[A-Z]{2}[A-Z0-9]{6}\\d)(?![\\p{L}\\p{N}])");
    private static final ContextWords CONTEXT = ContextWords.of(
            "passport", "passport no", "passport number", "passport #",
            "reisepass", "reisepassnummer", "pass-nr", "passnummer", "passnr",
            "passeport", "numéro de passeport", "n° de passeport",
            "pasaporte", "número de pasaporte", "nº de pasaporte",
            "passaporto", "numero di passaporto", "n. passaporto");

    public PassportRecognizer() {
        super("PASSPORT", PATTERN, Windows.afterContext(CONTEXT, ContextWords.WINDOW + 12), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String number = match.group();
        if (number.chars().filter(Character::isDigit).count() < 4) {
            return null;
        }
        return new Candidate(match.start(), match.end(), 0.6, "passport number format after passport context", true);
    }
}
