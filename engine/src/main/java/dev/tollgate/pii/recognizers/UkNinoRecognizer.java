package dev.tollgate.pii.recognizers;

import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * UK_NINO: two prefix letters, six digits and a suffix A-D, optionally spaced in pairs. A NINO has no check
 * digit; HMRC's allocation rules stand in for one: D, F, I, Q, U, V never appear in the prefix, O never second,
 * and BG, GB, KN, NK, NT, TN, ZZ are never issued.
 */
public final class UkNinoRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])(" + SP + "?)(\\d{2})\\2(\\d{2})\\2(\\d{2})\\2([A-D])"
                    + "(?![\\p{L}\\p{N}])");
    private static final Set<String> NEVER_ISSUED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
    private static final ContextWords CONTEXT = ContextWords.of(
            "national insurance", "national insurance number", "nino", "ni number", "ni no", "nin", "insurance number",
            "versicherungsnummer", "numéro d'assurance", "número de seguro", "numero di assicurazione");

    public UkNinoRecognizer() {
        super("UK_NINO", PATTERN, Windows.runs(CharClass.UPPER_ALNUM, CharClass.DIGIT, 6), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        if (NEVER_ISSUED.contains(match.group(1))) {
            return null;
        }
        return new Candidate(match.start(), match.end(), 0.6, "NINO format, prefix allocatable, suffix A-D");
    }
}
