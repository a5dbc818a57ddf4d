package dev.tollgate.pii.recognizers;

import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * URL: http(s)/ftp URLs, "www." addresses and bare domains with a common top-level domain, with an optional
 * port and path. The host must be a valid domain or IP literal; trailing sentence punctuation is not part of it.
 */
public final class UrlRecognizer extends PatternRecognizer {
    private static final String LABEL = "[\\p{L}\\p{N}-]{1,63}+";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}@./:-])((?i:https?|ftp)://)?+"
                    + "(" + LABEL + "(?:\\." + LABEL + "){0,10}+|\\[[0-9A-Fa-f:.]{2,45}+\\])"
                    + "(?::\\d{1,5}+)?+"
                    + "(?:[/?#][^\\s<>\"]{0,2000}+)?+");
    private static final String TRAILING_PUNCTUATION = ".,;:!?'\"»)]}";
    private static final ContextWords CONTEXT = ContextWords.of(
            "url", "link", "website", "site", "web page", "homepage",
            "webseite", "internetseite", "lien", "site web", "enlace", "página web", "sitio web",
            "collegamento", "sito");

    private static final Windows URL_CHAR_RUNS =
            Windows.runs(CharClass.withUnicodeLetters(printableAscii()), CharClass.of(".:"), 1);
    /** Tokens with a dot or colon followed by a letter, digit or slash: "example.com", "http://", not "Berlin." */
    private static final Windows TOKENS = (text, window) ->
            URL_CHAR_RUNS.forEach(text, (from, to) -> {
                for (int i = from; i < to - 1; i++) {
                    char c = text.charAt(i);
                    if ((c == '.' || c == ':') && (Character.isLetterOrDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '/')) {
                        window.accept(from, to);
                        return;
                    }
                }
            });

    public UrlRecognizer() {
        super("URL", PATTERN, TOKENS, CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        boolean scheme = match.group(1) != null;
        String host = match.group(2).toLowerCase(Locale.ROOT);
        boolean www = host.startsWith("www.");
        if (!isHost(host, scheme)) {
            return null;
        }
        if (!scheme && !www && !HostNames.COMMON_TLDS.contains(HostNames.tld(host))) {
            return null;
        }
        int end = match.end();
        while (end > match.end(2) && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0
                && !closesParenthesis(text, match.start(), end)) {
            end--;
        }
        String kind = scheme ? "URL with scheme" : www ? "www address" : "bare domain with common TLD";
        return new Candidate(match.start(), end, scheme || www ? 0.6 : 0.5, kind + ", host well-formed");
    }

    private static boolean isHost(String host, boolean scheme) {
        if (host.startsWith("[")) {
            return scheme && IpAddressRecognizer.isIpv6(host.substring(1, host.length() - 1));
        }
        if (IpAddressRecognizer.isIpv4(host)) {
            return scheme;
        }
        return HostNames.isDomain(host) || (scheme && host.equals("localhost"));
    }

    /** Keeps a ')' that closes a '(' inside the URL, as in Wikipedia links. */
    private static boolean closesParenthesis(String text, int start, int end) {
        if (text.charAt(end - 1) != ')') {
            return false;
        }
        int depth = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth >= 0;
    }

    private static String printableAscii() {
        StringBuilder sb = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            if (c != '<' && c != '>' && c != '"') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
