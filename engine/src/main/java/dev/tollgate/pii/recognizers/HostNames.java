package dev.tollgate.pii.recognizers;

import java.util.Set;

/** Syntax of DNS host names (RFC 1123 labels, internationalised letters allowed), shared by e-mail and URL. */
final class HostNames {
    /** Top-level domains common enough to accept a bare "example.com" as a URL without a scheme. */
    static final Set<String> COMMON_TLDS = Set.of(
            "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "ai", "app", "dev", "cloud",
            "eu", "uk", "de", "fr", "es", "it", "nl", "be", "at", "ch", "lu", "ie", "pt", "pl", "se", "dk", "fi",
            "no", "cz", "sk", "hu", "ro", "bg", "gr", "hr", "si", "lt", "lv", "ee", "mt", "cy", "us", "ca");

    private HostNames() {
    }

    /** True for two or more well-formed labels ending in an alphabetic (or punycode) top-level domain. */
    static boolean isDomain(String host) {
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2 || host.length() > 253) {
            return false;
        }
        for (String label : labels) {
            if (!isLabel(label)) {
                return false;
            }
        }
        String tld = labels[labels.length - 1];
        return tld.startsWith("xn--") || (tld.length() >= 2 && tld.chars().allMatch(Character::isLetter));
    }

    static String tld(String host) {
        return host.substring(host.lastIndexOf('.') + 1);
    }

    private static boolean isLabel(String label) {
        if (label.isEmpty() || label.length() > 63 || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (c != '-' && !Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }
}
