package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CryptoWalletRecognizerTest {
    private final CryptoWalletRecognizer recognizer = new CryptoWalletRecognizer();

    @Test
    void findsBase58CheckAddresses() {
        String p2pkh = TestIds.base58Check(0x00, TestIds.bytes(20, 7));
        String p2sh = TestIds.base58Check(0x05, TestIds.bytes(20, 9));
        found(recognizer, "send to " + p2pkh + ".", p2pkh, "CRYPTO");
        found(recognizer, "send to " + p2sh + ".", p2sh, "CRYPTO");
    }

    @Test
    void rejectsBase58AddressWithBrokenChecksumOrVersion() {
        String p2pkh = TestIds.base58Check(0x00, TestIds.bytes(20, 7));
        char last = p2pkh.charAt(p2pkh.length() - 1);
        none(recognizer, "send to " + p2pkh.substring(0, p2pkh.length() - 1) + (last == 'z' ? 'y' : 'z'));
        none(recognizer, "send to " + TestIds.base58Check(0x6f, TestIds.bytes(20, 7)));
    }

    /** Test vectors from BIP 173 (version 0) and BIP 350 (version 1). */
    @ParameterizedTest
    @ValueSource(strings = {"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
            "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
            "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y"})
    void findsSegwitAddresses(String address) {
        found(recognizer, "wallet " + address + " ok", address, "CRYPTO");
    }

    /** Invalid vectors from BIP 173/350: bad checksum, mixed case, version 0 with a Bech32m checksum. */
    @ParameterizedTest
    @ValueSource(strings = {"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
            "bc1QW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"})
    void rejectsInvalidSegwitAddresses(String address) {
        none(recognizer, "wallet " + address);
    }

    /** Test vectors from EIP-55. */
    @ParameterizedTest
    @ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void findsEip55Addresses(String address) {
        assertTrue(found(recognizer, "ETH " + address, address, "CRYPTO").score() >= 0.9);
    }

    @Test
    void acceptsUncheckedCaseAtLowerScoreAndRejectsWrongMixedCase() {
        String lower = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
        double score = found(recognizer, "addr " + lower, lower, "CRYPTO").score();
        assertTrue(score < found(recognizer, "addr 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "CRYPTO").score());
        none(recognizer, "addr 0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    }

    @Test
    void keccakMatchesKnownDigests() {
        assertArrayEquals(HexFormat.of().parseHex("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"),
                Keccak256.hash(new byte[0]));
        assertArrayEquals(HexFormat.of().parseHex("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"),
                Keccak256.hash("abc".getBytes(StandardCharsets.US_ASCII)));
    }
}
