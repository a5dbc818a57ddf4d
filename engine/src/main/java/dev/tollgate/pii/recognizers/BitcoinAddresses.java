package dev.tollgate.pii.recognizers;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/** Checksum validation of Bitcoin mainnet addresses: Base58Check (P2PKH, P2SH) and Bech32/Bech32m (SegWit). */
final class BitcoinAddresses {
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final int[] GENERATOR = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    private static final int BECH32_CONST = 1;
    private static final int BECH32M_CONST = 0x2bc830a3;

    private BitcoinAddresses() {
    }

    /** A 25-byte Base58Check payload with version 0x00 (addresses starting with 1) or 0x05 (with 3). */
    static boolean isBase58Check(String address) {
        byte[] bytes = new byte[25];
        for (int i = 0; i < address.length(); i++) {
            int carry = BASE58.indexOf(address.charAt(i));
            if (carry < 0) {
                return false;
            }
            for (int j = bytes.length - 1; j >= 0; j--) {
                carry += 58 * (bytes[j] & 0xFF);
                bytes[j] = (byte) carry;
                carry >>>= 8;
            }
            if (carry != 0) {
                return false;
            }
        }
        if (bytes[0] != (address.charAt(0) == '1' ? 0x00 : 0x05)) {
            return false;
        }
        byte[] checksum = sha256(sha256(Arrays.copyOfRange(bytes, 0, 21)));
        return Arrays.equals(Arrays.copyOfRange(checksum, 0, 4), Arrays.copyOfRange(bytes, 21, 25));
    }

    /** A "bc1" SegWit address (BIP 173 for version 0, BIP 350 for versions 1-16), not mixing cases. */
    static boolean isSegwit(String address) {
        if (!address.equals(address.toLowerCase(Locale.ROOT)) && !address.equals(address.toUpperCase(Locale.ROOT))) {
            return false;
        }
        String lower = address.toLowerCase(Locale.ROOT);
        int[] data = new int[lower.length() - 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = BECH32.indexOf(lower.charAt(i + 3));
            if (data[i] < 0) {
                return false;
            }
        }
        if (data.length < 7) {
            return false;
        }
        int version = data[0];
        int checksum = polymod("bc", data);
        byte[] program = fromFiveBits(data, 1, data.length - 6);
        if (version > 16 || program == null || program.length < 2 || program.length > 40) {
            return false;
        }
        if (version == 0) {
            return checksum == BECH32_CONST && (program.length == 20 || program.length == 32);
        }
        return checksum == BECH32M_CONST;
    }

    private static int polymod(String hrp, int[] data) {
        int chk = 1;
        int[] values = new int[hrp.length() * 2 + 1 + data.length];
        for (int i = 0; i < hrp.length(); i++) {
            values[i] = hrp.charAt(i) >> 5;
            values[hrp.length() + 1 + i] = hrp.charAt(i) & 31;
        }
        System.arraycopy(data, 0, values, hrp.length() * 2 + 1, data.length);
        for (int v : values) {
            int top = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((top >>> i) & 1) != 0) {
                    chk ^= GENERATOR[i];
                }
            }
        }
        return chk;
    }

    /** Regroups 5-bit values into bytes; null if the padding is not zero or longer than 4 bits. */
    private static byte[] fromFiveBits(int[] data, int from, int to) {
        int acc = 0;
        int bits = 0;
        byte[] out = new byte[(to - from) * 5 / 8];
        int n = 0;
        for (int i = from; i < to; i++) {
            acc = (acc << 5) | data[i];
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >>> bits);
            }
        }
        if (bits >= 5 || ((acc << (8 - bits)) & 0xFF) != 0) {
            return null;
        }
        return out;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
