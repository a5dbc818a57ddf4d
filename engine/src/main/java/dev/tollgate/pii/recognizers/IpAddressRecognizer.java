package dev.tollgate.pii.recognizers;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * IP_ADDRESS: dotted IPv4 and textual IPv6 (RFC 4291: "::" compression, embedded IPv4), each checked by a
 * parser rather than by the pattern, which only finds the hex/colon/dot token.
 */
public final class IpAddressRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}:.])[0-9A-Fa-f:.]{2,45}+(?![\\p{L}\\p{N}])");
    private static final ContextWords CONTEXT = ContextWords.of(
            "ip", "ipv4", "ipv6", "ip address", "host", "server", "client ip",
            "ip-adresse", "adresse ip", "dirección ip", "indirizzo ip");

    public IpAddressRecognizer() {
        super("IP_ADDRESS", PATTERN,
                Windows.runs(CharClass.of(CharClass.DIGITS + "abcdefABCDEF:."), CharClass.of(":."), 2), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        int end = match.end();
        while (end > match.start() && text.charAt(end - 1) == '.') {
            end--;
        }
        if (end > match.start() + 1 && text.charAt(end - 1) == ':' && text.charAt(end - 2) != ':') {
            end--;
        }
        String token = text.substring(match.start(), end);
        if (token.indexOf(':') >= 0) {
            return isIpv6(token) ? new Candidate(match.start(), end, 0.6, "IPv6 address, parsed") : null;
        }
        return isIpv4(token) ? new Candidate(match.start(), end, 0.6, "IPv4 address, parsed") : null;
    }

    /** Four decimal octets 0-255 without leading zeros (which some parsers read as octal). */
    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        int compression = s.indexOf("::");
        if (compression >= 0 && s.indexOf("::", compression + 1) >= 0) {
            return false;
        }
        String head = compression >= 0 ? s.substring(0, compression) : s;
        String tail = compression >= 0 ? s.substring(compression + 2) : "";
        int headGroups = groups(head, compression < 0 && !s.isEmpty());
        int tailGroups = groups(tail, true);
        if (headGroups < 0 || tailGroups < 0) {
            return false;
        }
        int total = headGroups + tailGroups;
        boolean hasHex = s.chars().anyMatch(c -> c != ':' && c != '.');
        return hasHex && (compression >= 0 ? total <= 7 : total == 8);
    }

    /** Counts the 16-bit groups of a colon-separated part, an embedded IPv4 counting two; -1 if malformed. */
    private static int groups(String part, boolean ipv4Allowed) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] groups = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (i == groups.length - 1 && ipv4Allowed && g.indexOf('.') >= 0) {
                if (!isIpv4(g)) {
                    return -1;
                }
                count += 2;
            } else if (g.isEmpty() || g.length() > 4 || !isHex(g)) {
                return -1;
            } else {
                count++;
            }
        }
        return count;
    }

    private static boolean isHex(String g) {
        for (int i = 0; i < g.length(); i++) {
            if (Character.digit(g.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
