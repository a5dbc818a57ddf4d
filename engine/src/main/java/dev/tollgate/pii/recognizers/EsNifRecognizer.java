package dev.tollgate.pii.recognizers;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** ES_NIF: the DNI/NIF of Spanish nationals, eight digits and a control letter (number mod 23). */
public final class EsNifRecognizer extends PatternRecognizer {
    static final String CONTROL_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.-])(\\d{2}\\.?\\d{3}\\.?\\d{3})(?:" + SP + "|-)?([A-Z])(?![\\p{L}\\p{N}])");
    private static final ContextWords CONTEXT = ContextWords.of(
            "dni", "nif", "documento nacional de identidad", "número de identificación fiscal", "identificación fiscal",
            "carnet de identidad", "cédula",
            "spanish id", "tax id", "personalausweis", "steuernummer", "pièce d'identité", "carta d'identità");

    public EsNifRecognizer() {
        super("ES_NIF", PATTERN, Windows.runs(CharClass.UPPER_ALNUM, CharClass.DIGIT, 8), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String number = digits(match.group(1), 0, match.group(1).length());
        if (number.length() != 8 || CONTROL_LETTERS.charAt(Integer.parseInt(number) % 23) != match.group(2).charAt(0)) {
            return null;
        }
        return new Candidate(match.start(), match.end(), 0.6, "DNI/NIF control letter (mod 23) valid");
    }
}
