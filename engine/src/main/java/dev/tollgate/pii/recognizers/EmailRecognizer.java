package dev.tollgate.pii.recognizers;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** EMAIL_ADDRESS: local part @ a syntactically valid domain with an alphabetic top-level domain. */
public final class EmailRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+-])([\\p{L}\\p{N}._%+-]{1,64}+)@([\\p{L}\\p{N}.-]{1,253}+)");
    private static final ContextWords CONTEXT = ContextWords.of(
            "email", "e-mail*", "mail*", "contact",
            "e-mail-adresse", "kontakt",
            "courriel", "adresse électronique", "adresse mail",
            "correo*", "dirección de correo",
            "posta elettronica", "indirizzo email");

    public EmailRecognizer() {
        super("EMAIL_ADDRESS", PATTERN,
                Windows.runs(CharClass.withUnicodeLetters(CharClass.DIGITS + CharClass.UPPER + CharClass.LOWER + "._%+-@"),
                        CharClass.of("@"), 1),
                CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String local = match.group(1);
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return null;
        }
        int end = match.end(2);
        while (end > match.start(2) && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
            end--;
        }
        if (end < text.length() && text.charAt(end) == '@') {
            return null;
        }
        String domain = text.substring(match.start(2), end);
        if (!HostNames.isDomain(domain)) {
            return null;
        }
        return new Candidate(match.start(), end, 0.9, "e-mail address: local part and domain well-formed");
    }
}
