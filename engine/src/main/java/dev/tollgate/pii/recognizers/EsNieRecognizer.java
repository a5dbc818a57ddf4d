package dev.tollgate.pii.recognizers;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * ES_NIE: the foreigner identity number, X, Y or Z (read as 0, 1, 2), seven digits and the same mod-23 control
 * letter as the DNI.
 */
public final class EsNieRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])([XYZ])(?:" + SP + "|-)?(\\d{7})(?:" + SP + "|-)?([A-Z])(?![\\p{L}\\p{N}])");
    private static final ContextWords CONTEXT = ContextWords.of(
            "nie", "número de identidad de extranjero", "número de identificación de extranjero",
            "tarjeta de residencia", "extranjero", "foreigner id", "residence permit",
            "ausländer", "aufenthaltstitel", "titre de séjour", "permesso di soggiorno");

    public EsNieRecognizer() {
        super("ES_NIE", PATTERN, Windows.runs(CharClass.UPPER_ALNUM, CharClass.DIGIT, 7), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        int number = Integer.parseInt("XYZ".indexOf(match.group(1).charAt(0)) + match.group(2));
        if (EsNifRecognizer.CONTROL_LETTERS.charAt(number % 23) != match.group(3).charAt(0)) {
            return null;
        }
        return new Candidate(match.start(), match.end(), 0.7, "NIE control letter (mod 23) valid");
    }
}
