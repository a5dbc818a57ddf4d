package dev.tollgate.pii;

import java.util.LinkedHashMap;
import java.util.Map;

/** Inputs built to make detection slow: each repeats a unit up to a length, for the linearity test and the benchmark. */
final class AdversarialInputs {
    static final String TYPICAL = "Hello, my name is Anna Schmidt and I live in Berlin. Please send the "
            + "invoice to anna.schmidt@example.de or call me at +49 30 1234567. My IBAN is DE89 3704 0044 0532 0130 00, "
            + "card 5454 5454 5454 5454. Date of birth: 12.03.1985. The server at 10.0.0.12 logged the request from "
            + "https://portal.example.com/login. Order 20240315 shipped on 2024-03-15, tracking 1Z999AA10123456784, "
            + "total 149,90 EUR. Thanks for your help with the claim, it has been a long week.\nRegards,\nAnna Schmidt\n";

    /** Name -> the unit that is repeated. */
    static final Map<String, String> UNITS = units();

    private AdversarialInputs() {
    }

    /** The unit repeated (and cut) to exactly {@code length} chars. */
    static String of(String unit, int length) {
        StringBuilder text = new StringBuilder(length + unit.length());
        while (text.length() < length) {
            text.append(unit);
        }
        return text.substring(0, length);
    }

    private static Map<String, String> units() {
        Map<String, String> units = new LinkedHashMap<>();
        units.put("punctuation", "!?.,;:-/()[]{}'\"@#");
        units.put("punctuation between letters", "a.B,c;D:e!F?g-H/i(J)k[L]m{N}o'P\"q@R#s ");
        units.put("digits and separators", "12.34-56/78 90.");
        units.put("digit run", "7");
        units.put("digits spaced out", "4 1 1 1 ");
        units.put("long token", "abcdefghij");
        units.put("repeated @ and dots", "a@b.c.@.@..");
        units.put("spelled-out at and dot", "a at b dot c (at) d [dot] ");
        units.put("mixed scripts", "Aа1Ω٣ｘ Мария ");
        units.put("zero-width runs", "\u200Ba\u200B1\u00AD\u2060");
        units.put("right-to-left overrides", "\u202EDE89 3704\u202C x ");
        units.put("capitalised words", "Mr Abc Def ");
        units.put("upper-case alphanumerics", "ABCD1234");
        units.put("URL prefixes", "http://a.a.a.a.a.");
        units.put("typical text", TYPICAL);
        return units;
    }
}
