package dev.tollgate.pii.recognizers;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Generates synthetic identifiers with valid check digits, written from the published algorithms independently
 * of the production code (BigInteger arithmetic, explicit tables), so a test does not just repeat the code
 * under test and no real person's number is needed.
 */
public final class TestIds {
    private TestIds() {
    }

    /** Appends the Luhn check digit. */
    public static String luhn(String payload) {
        for (int check = 0; check <= 9; check++) {
            String candidate = payload + check;
            int sum = 0;
            for (int i = 0; i < candidate.length(); i++) {
                int d = candidate.charAt(candidate.length() - 1 - i) - '0';
                sum += i % 2 == 1 ? (d * 2) / 10 + (d * 2) % 10 : d;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new AssertionError();
    }

    /** Changes the last digit to the next one, which breaks any single check digit. */
    public static String breakLastDigit(String valid) {
        char last = valid.charAt(valid.length() - 1);
        return valid.substring(0, valid.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    public static String iban(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder numeric = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            numeric.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return country + String.format("%02d", check) + bban;
    }

    public static String groupsOfFour(String s) {
        return s.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** Steuer-ID from ten digits (which must satisfy the repetition rule) and its MOD 11,10 check digit. */
    public static String steuerId(String tenDigits) {
        int product = 10;
        for (char c : tenDigits.toCharArray()) {
            int sum = (c - '0' + product) % 10;
            product = (sum == 0 ? 10 : sum) * 2 % 11;
        }
        return tenDigits + (11 - product) % 10;
    }

    /** NIR of 13 characters (2A/2B allowed at positions 6-7) plus its two-digit key. */
    public static String nir(String thirteen) {
        String numeric = thirteen.replace("2A", "19").replace("2B", "18");
        int key = 97 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        return thirteen + String.format("%02d", key);
    }

    public static char dniLetter(long number) {
        return "TRWAGMYFPDXBNJZSQVHLCKE".charAt((int) (number % 23));
    }

    public static String codiceFiscale(String fifteen) {
        int[] odd = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = fifteen.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += (i + 1) % 2 == 1 ? odd[value] : value;
        }
        return fifteen + (char) ('A' + sum % 26);
    }

    /** A BSN from eight digits, or null if no ninth digit makes it pass the 11-proof. */
    public static String bsn(String eight) {
        for (int last = 0; last <= 9; last++) {
            int sum = -last;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (eight.charAt(i) - '0');
            }
            if (sum % 11 == 0) {
                return eight + last;
            }
        }
        return null;
    }

    public static String pesel(String tenDigits) {
        int[] weights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += weights[i] * (tenDigits.charAt(i) - '0');
        }
        return tenDigits + (10 - sum % 10) % 10;
    }

    public static String base58Check(int version, byte[] hash160) {
        byte[] payload = new byte[21];
        payload[0] = (byte) version;
        System.arraycopy(hash160, 0, payload, 1, 20);
        byte[] checksum = Arrays.copyOf(sha256(sha256(payload)), 4);
        byte[] full = Arrays.copyOf(payload, 25);
        System.arraycopy(checksum, 0, full, 21, 4);
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        StringBuilder sb = new StringBuilder();
        BigInteger value = new BigInteger(1, full);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BigInteger.valueOf(58));
            sb.append(alphabet.charAt(qr[1].intValue()));
            value = qr[0];
        }
        for (int i = 0; i < full.length && full[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    public static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 17);
        }
        return b;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
