package dev.tollgate.pii.recognizers;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * IBAN_CODE for every country in the SWIFT IBAN registry: country code, two check digits and a BBAN of the
 * country's length, in any case, written contiguously, in groups of four or spaced out character by character,
 * with any mix of spaces, dashes, dots and slashes between the groups, and a valid ISO 13616 mod-97 checksum.
 */
public final class IbanRecognizer extends PatternRecognizer {
    /** Total IBAN length per country, from the SWIFT IBAN registry. */
    private static final Map<String, Integer> LENGTHS = lengths(
            "AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 "
                    + "DO28 EE20 EG29 ES24 FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 "
                    + "IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 "
                    + "MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 RU33 SA24 SC31 "
                    + "SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30");
    /** Any one separator between two characters; the validation decides which groupings are IBANs. */
    private static final String SEP = "[ \\u00A0\\u202F./-]";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[A-Za-z]" + SEP + "?[A-Za-z]" + SEP + "?\\d" + SEP + "?\\d(?:" + SEP
                    + "?[A-Za-z0-9]){11,30}+");
    private static final ContextWords CONTEXT = ContextWords.of(
            "iban", "account", "bank account", "account number",
            "konto*", "bankverbindung",
            "compte", "compte bancaire", "rib",
            "cuenta", "cuenta bancaria",
            "conto", "conto corrente", "coordinate bancarie");

    public IbanRecognizer() {
        super("IBAN_CODE", PATTERN, Windows.runs(CharClass.ALNUM, CharClass.DIGIT, 8), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        StringBuilder iban = new StringBuilder(34);
        int length = Integer.MAX_VALUE;
        boolean groupsOfFour = true;
        boolean spacedOut = true;
        int separators = 0;
        int i = match.start();
        while (iban.length() < length && i < match.end()) {
            char c = text.charAt(i++);
            if (!Character.isLetterOrDigit(c)) {
                separators++;
                groupsOfFour &= iban.length() % 4 == 0;
                continue;
            }
            spacedOut &= iban.length() == separators;
            iban.append(Character.toUpperCase(c));
            if (iban.length() == 2) {
                Integer countryLength = LENGTHS.get(iban.toString());
                if (countryLength == null) {
                    return null;
                }
                length = countryLength;
            }
        }
        groupsOfFour &= separators == (length - 1) / 4;
        if (iban.length() < length || (separators > 0 && !groupsOfFour && !spacedOut)
                || (i < text.length() && Character.isLetterOrDigit(text.charAt(i)))) {
            return null;
        }
        int check = Integer.parseInt(iban.substring(2, 4));
        if (check < 2 || check > 98 || mod97(iban) != 1) {
            return null;
        }
        return new Candidate(match.start(), i, 0.9,
                "IBAN, country " + iban.substring(0, 2) + ", length " + length + ", mod-97 checksum valid");
    }

    /** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end, letters as 10-35. */
    static int mod97(CharSequence iban) {
        int remainder = 0;
        for (int k = 0; k < iban.length(); k++) {
            char c = iban.charAt((k + 4) % iban.length());
            int value = Character.digit(c, 36);
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder;
    }

    private static Map<String, Integer> lengths(String table) {
        Map<String, Integer> lengths = new HashMap<>();
        for (String entry : table.split(" ")) {
            lengths.put(entry.substring(0, 2), Integer.parseInt(entry.substring(2)));
        }
        return Map.copyOf(lengths);
    }
}
