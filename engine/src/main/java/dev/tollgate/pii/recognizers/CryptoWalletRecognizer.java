package dev.tollgate.pii.recognizers;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * CRYPTO: Bitcoin addresses with a valid Base58Check or Bech32/Bech32m checksum, and Ethereum addresses
 * (0x + 40 hex digits). A mixed-case Ethereum address must carry a valid EIP-55 checksum; an all-lower or
 * all-upper one has none to check and scores lower.
 */
public final class CryptoWalletRecognizer extends PatternRecognizer {
    private static final Pattern PATTERN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:0x[0-9a-fA-F]{40}|[13][1-9A-HJ-NP-Za-km-z]{25,34}+|(?:bc|BC)1[02-9ac-hj-np-zAC-HJ-NP-Z]{11,87}+)"
                    + "(?![\\p{L}\\p{N}])");
    private static final CharClass ALNUM = CharClass.of(CharClass.DIGITS + CharClass.UPPER + CharClass.LOWER);
    private static final ContextWords CONTEXT = ContextWords.of(
            "wallet", "bitcoin", "btc", "ethereum", "eth", "crypto*", "address", "send to",
            "krypto*", "wallet-adresse", "portefeuille", "adresse", "billetera", "monedero", "cartera",
            "dirección", "portafoglio", "indirizzo");

    public CryptoWalletRecognizer() {
        super("CRYPTO", PATTERN, Windows.runs(ALNUM, ALNUM, 26), CONTEXT);
    }

    @Override
    protected Candidate validate(String text, MatchResult match) {
        String address = match.group();
        if (address.startsWith("0x")) {
            return ethereum(match, address.substring(2));
        }
        if (address.length() >= 3 && address.substring(0, 3).equalsIgnoreCase("bc1")) {
            return BitcoinAddresses.isSegwit(address)
                    ? new Candidate(match.start(), match.end(), 0.9, "Bitcoin SegWit address, Bech32 checksum valid")
                    : null;
        }
        return BitcoinAddresses.isBase58Check(address)
                ? new Candidate(match.start(), match.end(), 0.9, "Bitcoin address, Base58Check checksum valid")
                : null;
    }

    private static Candidate ethereum(MatchResult match, String hex) {
        boolean mixedCase = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        if (!mixedCase) {
            return new Candidate(match.start(), match.end(), 0.6, "Ethereum address format (no checksum case)");
        }
        return isEip55(hex)
                ? new Candidate(match.start(), match.end(), 0.9, "Ethereum address, EIP-55 checksum valid")
                : null;
    }

    /** EIP-55: a letter is upper case exactly when the matching nibble of keccak256(lower-case hex) is 8 or more. */
    static boolean isEip55(String hex) {
        byte[] hash = Keccak256.hash(hex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 40; i++) {
            char c = hex.charAt(i);
            if (Character.isLetter(c)) {
                int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
                if (Character.isUpperCase(c) != (nibble >= 8)) {
                    return false;
                }
            }
        }
        return true;
    }
}
