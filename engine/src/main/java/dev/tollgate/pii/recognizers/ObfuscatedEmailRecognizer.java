package dev.tollgate.pii.recognizers;

import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * EMAIL_ADDRESS written so that a plain pattern misses it: "maria [at] example [dot] com", "maria(at)example.com",
 * "maria {at} example {dot} com", "maria.schmidt at example dot com", "maria AT example.com". A bare lower-case
 * " at " ("have a look at example.com") counts only when the rest is unmistakable too: a " dot " in the domain,
 * or a local part with a dot, underscore, plus, hyphen or digit in it. The domain must be well-formed once its
 * "dot"s are read as '.', and end in a common top-level domain ("home dot then" is prose).
 */
public final class ObfuscatedEmailRecognizer extends PatternRecognizer {
    private static final String AT = "(\\s?+[\\[({<]\\s?+(?i:at)\\s?+[\\])}>]\\s?+|\\s++(?i:at)\\s++)";
    private static final String DOT = "(?:\\s?+[\\[({<]\\s?+(?i:dot)\\s?+[\\])}>]\\s?+|\\s++(?i:dot)\\s++|\\.)";
    private static final String LABEL = "[\\p{L}\\p{N}-]{1,63}+";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])([\\p{L}\\p{N}._%+-]{1,64}+)" + AT + "(" + LABEL + "(?:" + DOT + LABEL + "){1,8}+)");
    /** The pattern runs only near the word "at" (bracketed or not), from a whole local part before it to a whole domain after. */
    private static final ContextWords AT_WORD = ContextWords.of("at");
    private static final int MAX_BEFORE_AT = 64 + 4;
    private static final int MAX_AFTER_AT = 4 + 9 * 63 + 8 * 9;
    private static final Pattern SPOKEN_DOT = Pattern.compile(DOT);
    private static final Pattern UNMISTAKABLE_LOCAL_PART = Pattern.compile(".*[._%+\\-\\d].*");
    private static final ContextWords CONTEXT = ContextWords.of(
            "email", "e-mail*", "mail*", "contact", "write to", "reach me",
            "e-mail-adresse", "kontakt", "schreib*",
            "courriel", "adresse électronique", "adresse mail", "écrire",
            "correo*", "dirección de correo", "escrib*",
            "posta elettronica", "indirizzo email", "scriv*");

    public ObfuscatedEmailRecognizer() {
        super("EMAIL_ADDRESS", PATTERN, Windows.around(AT_WORD, MAX_BEFORE_AT, MAX_AFTER_AT), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String local = match.group(1);
        String at = match.group(2);
        String written = match.group(3);
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return null;
        }
        String domain = SPOKEN_DOT.matcher(written).replaceAll(".");
        int end = match.end(3);
        while (domain.endsWith("-")) {
            domain = domain.substring(0, domain.length() - 1);
            end--;
        }
        if (!HostNames.isDomain(domain) || !HostNames.COMMON_TLDS.contains(HostNames.tld(domain).toLowerCase(Locale.ROOT))) {
            return null;
        }
        boolean bareAt = at.strip().equals("at");
        boolean spokenDot = domain.length() != written.length();
        if (bareAt && !spokenDot && !UNMISTAKABLE_LOCAL_PART.matcher(local).matches()) {
            return null;
        }
        return new Candidate(match.start(), end, 0.9,
                "e-mail address with '" + at.strip().toLowerCase(Locale.ROOT) + "'"
                        + (spokenDot ? " and a spelled-out dot" : "") + ": local part and domain well-formed");
    }
}
