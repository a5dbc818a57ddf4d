package dev.tollgate.pii.recognizers;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * NL_BSN, the Dutch burgerservicenummer: nine digits (or 1234.56.782) passing the "11-proof":
 * 9·d1 + 8·d2 + ... + 2·d8 − d9 is a multiple of 11. One random number in eleven passes, so the base score is
 * low and a context word carries most of the weight.
 */
public final class NlBsnRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,-])(\\d{4})([. ]?)(\\d{2})\\2(\\d{3})(?![\\p{L}\\p{N}]|[ .,-]\\d)");
    private static final ContextWords CONTEXT = ContextWords.of(
            "bsn", "burgerservicenummer", "sofinummer", "sofi-nummer", "persoonsnummer", "citizen service number",
            "bürgerservicenummer", "numéro de service citoyen", "número de servicio al ciudadano",
            "numero di servizio al cittadino");

    public NlBsnRecognizer() {
        super("NL_BSN", PATTERN, Windows.runs(CharClass.NUMERIC, CharClass.DIGIT, 9), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String digits = digits(match);
        if (!elevenProof(digits) || digits.chars().distinct().count() == 1) {
            return null;
        }
        return new Candidate(match.start(), match.end(), 0.4, "BSN 11-proof valid");
    }

    static boolean elevenProof(String digits) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (digits.charAt(i) - '0');
        }
        sum -= digits.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
