package dev.tollgate.pii.recognizers;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * DE_TAX_ID, the Steuerliche Identifikationsnummer: 11 digits (often written 12 345 678 901), first digit not 0,
 * in the first ten digits exactly one digit repeated (twice, or three times but not three in a row) and the
 * eleventh an ISO 7064 MOD 11,10 check digit.
 */
public final class DeTaxIdRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,/-])([1-9]\\d)(" + SP + "?)(\\d{3})\\2(\\d{3})\\2(\\d{3})(?![\\p{L}\\p{N}]|[ .,/-]\\d)");
    private static final ContextWords CONTEXT = ContextWords.of(
            "steuer-id", "steuerid", "steuer-idnr", "steuer-identifikationsnummer", "steueridentifikationsnummer",
            "identifikationsnummer", "idnr", "id-nr", "steuerliche identifikationsnummer", "steuernummer",
            "tax id", "tax identification number", "tin",
            "numéro fiscal", "identifiant fiscal", "número de identificación fiscal", "codice fiscale");

    public DeTaxIdRecognizer() {
        super("DE_TAX_ID", PATTERN, Windows.runs(CharClass.NUMERIC, CharClass.DIGIT, 11), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String digits = digits(match);
        if (!repetitionRule(digits) || checkDigit(digits) != digits.charAt(10) - '0') {
            return null;
        }
        return new Candidate(match.start(), match.end(), 0.5,
                "Steuer-ID: digit repetition rule and ISO 7064 MOD 11,10 check digit valid");
    }

    static boolean repetitionRule(String digits) {
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[digits.charAt(i) - '0']++;
        }
        int repeated = -1;
        for (int d = 0; d < 10; d++) {
            if (counts[d] > 3 || (counts[d] > 1 && repeated >= 0)) {
                return false;
            }
            if (counts[d] > 1) {
                repeated = d;
            }
        }
        if (repeated < 0) {
            return false;
        }
        String triple = String.valueOf((char) ('0' + repeated)).repeat(3);
        return counts[repeated] == 2 || !digits.substring(0, 10).contains(triple);
    }

    static int checkDigit(String digits) {
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        return check == 10 ? 0 : check;
    }
}
