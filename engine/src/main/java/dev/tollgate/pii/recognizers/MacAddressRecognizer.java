package dev.tollgate.pii.recognizers;

import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * MAC_ADDRESS: EUI-48 in colon or dash notation (00:1A:2B:3C:4D:5E, one separator throughout) or Cisco dotted
 * notation (001a.2b3c.4d5e). There is no checksum; the all-zero and broadcast addresses identify no device and
 * are rejected.
 */
public final class MacAddressRecognizer extends PatternRecognizer {
    private static final String HEX2 = "[0-9A-Fa-f]{2}";
    private static final String HEX4 = "[0-9A-Fa-f]{4}";
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}:.-])(?:" + HEX2 + "([:-])" + HEX2 + "(?:\\1" + HEX2 + "){4}|" + HEX4 + "\\." + HEX4 + "\\." + HEX4 + ")"
                    + "(?![\\p{L}\\p{N}]|[:.-][0-9A-Fa-f])");
    private static final ContextWords CONTEXT = ContextWords.of(
            "mac", "mac address", "hardware address", "ethernet", "wifi", "wi-fi", "wlan", "bssid", "device",
            "mac-adresse", "hardwareadresse", "gerät", "adresse mac", "appareil", "dirección mac", "dispositivo",
            "indirizzo mac");

    public MacAddressRecognizer() {
        super("MAC_ADDRESS", PATTERN, Windows.runs(CharClass.of(CharClass.DIGITS + "abcdefABCDEF:.-"),
                CharClass.of(":.-"), 2), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String hex = match.group().replaceAll("[:.-]", "").toLowerCase(Locale.ROOT);
        if (hex.equals("000000000000") || hex.equals("ffffffffffff")) {
            return null;
        }
        int firstOctet = Integer.parseInt(hex.substring(0, 2), 16);
        String scope = (firstOctet & 0x02) != 0 ? "locally administered" : "universally administered";
        String cast = (firstOctet & 0x01) != 0 ? "multicast" : "unicast";
        return new Candidate(match.start(), match.end(), 0.7, "MAC address, " + cast + ", " + scope);
    }
}
