package dev.tollgate.pii.eval;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Random identifiers that pass their checksums, for the labelled sets: IBANs (mod-97), payment cards (Luhn),
 * phone numbers (libphonenumber-valid), US SSNs, Spanish DNI, Dutch BSN (11-proof), French NIR (mod-97 key),
 * German Steuer-ID (ISO 7064 MOD 11,10) and Italian codice fiscale (check character).
 */
final class ChecksumValues {
    private static final List<String> PHONE_REGIONS = List.of("DE", "FR", "ES", "IT", "GB", "US");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int[] FISCAL_ODD = {
            1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

    private final Random random;

    ChecksumValues(Random random) {
        this.random = random;
    }

    String iban() {
        String bban = switch (random.nextInt(5)) {
            case 0 -> "DE" + digits(18);
            case 1 -> "FR" + digits(23);
            case 2 -> "ES" + digits(20);
            case 3 -> "IT" + letters(1) + digits(22);
            default -> "NL" + letters(4) + digits(10);
        };
        String country = bban.substring(0, 2);
        String rest = bban.substring(2);
        String numeric = toDigits(rest + country + "00");
        int check = 98 - new BigInteger(numeric).mod(BigInteger.valueOf(97)).intValue();
        String iban = country + String.format("%02d", check) + rest;
        return random.nextBoolean() ? iban : iban.replaceAll("(.{4})(?!$)", "$1 ");
    }

    String card() {
        String body = (random.nextBoolean() ? "4" : "5" + (1 + random.nextInt(5))) + "";
        body += digits(15 - body.length());
        String number = body + luhnDigit(body);
        return random.nextBoolean() ? number : number.replaceAll("(.{4})(?!$)", "$1 ");
    }

    String phone() {
        String region = PHONE_REGIONS.get(random.nextInt(PHONE_REGIONS.size()));
        PhoneNumber example = PHONES.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
        for (int attempt = 0; attempt < 50; attempt++) {
            long national = example.getNationalNumber();
            long varied = national - national % 10_000 + random.nextInt(10_000);
            PhoneNumber number = new PhoneNumber().setCountryCode(example.getCountryCode()).setNationalNumber(varied);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, random.nextBoolean()
                        ? PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL : PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
            }
        }
        return PHONES.format(example, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    }

    String ssn() {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        return String.format("%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    String dni() {
        int number = random.nextInt(100_000_000);
        return String.format("%08d", number) + "TRWAGMYFPDXBNJZSQVHLCKE".charAt(number % 23);
    }

    String bsn() {
        while (true) {
            String digits = (1 + random.nextInt(9)) + digits(7);
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += (9 - i) * (digits.charAt(i) - '0');
            }
            int last = sum % 11;
            if (last < 10) {
                return digits + last;
            }
        }
    }

    String nir() {
        String body = (1 + random.nextInt(2)) + String.format("%02d%02d%02d%03d%03d", random.nextInt(100),
                1 + random.nextInt(12), 1 + random.nextInt(19), 1 + random.nextInt(990), 1 + random.nextInt(999));
        int key = 97 - (int) (Long.parseLong(body) % 97);
        String nir = body + String.format("%02d", key);
        return nir.substring(0, 1) + " " + nir.substring(1, 3) + " " + nir.substring(3, 5) + " "
                + nir.substring(5, 7) + " " + nir.substring(7, 10) + " " + nir.substring(10, 13) + " "
                + nir.substring(13);
    }

    String steuerId() {
        while (true) {
            StringBuilder digits = new StringBuilder("0123456789");
            for (int i = digits.length() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                char c = digits.charAt(i);
                digits.setCharAt(i, digits.charAt(j));
                digits.setCharAt(j, c);
            }
            int target = random.nextInt(10);
            int source = random.nextInt(10);
            if (digits.charAt(0) == '0' || target == source || Math.abs(target - source) == 1 || target == 0) {
                continue;
            }
            digits.setCharAt(target, digits.charAt(source));
            int product = 10;
            for (int i = 0; i < 10; i++) {
                int sum = (digits.charAt(i) - '0' + product) % 10;
                product = (sum == 0 ? 10 : sum) * 2 % 11;
            }
            int check = 11 - product;
            return digits.append(check == 10 ? 0 : check).toString();
        }
    }

    String fiscalCode() {
        String code = letters(6) + digits(2) + "ABCDEHLMPRST".charAt(random.nextInt(12))
                + String.format("%02d", 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0))
                + letters(1) + digits(3);
        int sum = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            int index = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? FISCAL_ODD[index] : index;
        }
        return code + (char) ('A' + sum % 26);
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(random.nextInt(10));
        }
        return s.toString();
    }

    private String letters(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ('A' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static char luhnDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private static String toDigits(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(Character.isDigit(c) ? String.valueOf(c) : Integer.toString(c - 'A' + 10));
        }
        return out.toString();
    }
}
