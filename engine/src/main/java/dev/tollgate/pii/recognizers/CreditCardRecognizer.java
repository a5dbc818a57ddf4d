package dev.tollgate.pii.recognizers;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * CREDIT_CARD: 12-19 digits, contiguous, grouped as printed on cards (groups of three to six digits, the last
 * perhaps shorter, any mix of spaces, dashes, dots and slashes between them) or spaced out digit by digit, with
 * a valid Luhn checksum, and either an issuer identification number (IIN) prefix and a length that a card
 * network issues, or a card word shortly before it ("card", "cc", "Karte", "carte", "tarjeta", "carta", ...).
 */
public final class CreditCardRecognizer extends PatternRecognizer {
    private static final String SEP = "[ \\u00A0\\u202F./-]";
    /**
     * Contiguous, or groups of 3-6 digits, or single digits (only from the first of a spaced-out run: starting
     * at every digit of a long run would cost a full match each).
     */
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,+-])(?:\\d{12,19}+|\\d{3,6}+(?:" + SEP + "\\d{3,6}+){1,5}(?:" + SEP + "\\d{1,2}+)?"
                    + "|(?<!\\d[ \\u00A0\\u202F./-])\\d(?:" + SEP + "\\d){11,18}+)(?![\\p{L}\\p{N}]|[.,]\\d)");
    private static final ContextWords CONTEXT = ContextWords.of(
            "credit card", "card", "card number", "debit card", "visa", "mastercard", "amex", "american express",
            "cc", "maestro", "jcb", "diners", "discover", "unionpay",
            "kreditkarte*", "karte", "kartennummer", "bankkarte", "girocard",
            "carte", "carte bancaire", "carte de crédit", "numéro de carte", "cb",
            "tarjeta", "tarjeta de crédito", "número de tarjeta",
            "carta", "carta di credito", "numero della carta", "numero di carta");

    private record Network(String name, List<int[]> prefixRanges, int minLength, int maxLength) {
        boolean issues(String digits) {
            if (digits.length() < minLength || digits.length() > maxLength) {
                return false;
            }
            for (int[] range : prefixRanges) {
                int width = String.valueOf(range[0]).length();
                int prefix = Integer.parseInt(digits.substring(0, width));
                if (prefix >= range[0] && prefix <= range[1]) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final List<Network> NETWORKS = List.of(
            new Network("Visa", List.of(new int[] {4, 4}), 13, 19),
            new Network("Mastercard", List.of(new int[] {51, 55}, new int[] {2221, 2720}), 16, 16),
            new Network("American Express", List.of(new int[] {34, 34}, new int[] {37, 37}), 15, 15),
            new Network("Discover", List.of(new int[] {6011, 6011}, new int[] {644, 649}, new int[] {65, 65}), 16, 19),
            new Network("Diners Club", List.of(new int[] {300, 305}, new int[] {36, 36}, new int[] {38, 39}), 14, 19),
            new Network("JCB", List.of(new int[] {3528, 3589}), 16, 19),
            new Network("UnionPay", List.of(new int[] {62, 62}), 16, 19),
            new Network("Mir", List.of(new int[] {2200, 2204}), 16, 19),
            new Network("Maestro", List.of(new int[] {50, 50}, new int[] {56, 69}), 12, 19));
    private static final int MIN_DIGITS = 12;

    public CreditCardRecognizer() {
        super("CREDIT_CARD", PATTERN, Windows.runs(CharClass.NUMERIC, CharClass.DIGIT, MIN_DIGITS), CONTEXT);
    }

    /**
     * The longest part of the match that ends with a group and is a card (another number may follow it): one a
     * network issues, or else any Luhn-valid number, reported only after a card word.
     */
    @Override
    protected Candidate validate(String text, MatchResult match) {
        Candidate unknownNetwork = null;
        for (int end = match.end(); end > match.start(); end = previousGroupEnd(text, match.start(), end)) {
            String digits = digits(text, match.start(), end);
            if (digits.length() < MIN_DIGITS || !Luhn.isValid(digits) || oneDigitRepeated(digits)) {
                continue;
            }
            for (Network network : NETWORKS) {
                if (network.issues(digits)) {
                    return new Candidate(match.start(), end, 0.7,
                            network.name() + " IIN, " + digits.length() + " digits, Luhn checksum valid");
                }
            }
            if (unknownNetwork == null) {
                unknownNetwork = new Candidate(match.start(), end, 0.6,
                        digits.length() + " digits, Luhn checksum valid", true);
            }
        }
        return unknownNetwork;
    }

    private static int previousGroupEnd(String text, int start, int end) {
        int i = end;
        while (i > start && Character.isDigit(text.charAt(i - 1))) {
            i--;
        }
        return i - 1;
    }

    private static boolean oneDigitRepeated(String digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }
}
