package dev.tollgate.pii.eval;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Writes eval/evasion/cases.jsonl: one value of every supported entity type, each written in the ways people use
 * to get a value past a filter (invisible characters inside it, full-width or other-script digits, look-alike
 * letters from other scripts, right-to-left overrides, unusual separators, spaced-out digits, spelled-out e-mail
 * addresses), inside a sentence that gives the context a reader would have. Deterministic: rerunning it rewrites
 * the same file.
 *
 * <pre>java -cp "engine/target/classes:$(cat engine/target/runtime-classpath.txt)" dev.tollgate.pii.eval.EvasionSetGenerator .</pre>
 */
public final class EvasionSetGenerator {
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String RLO = "\u202E";
    private static final String PDF = "\u202C";
    private static final String LATIN = "ABCEHIJKMOPSTXacejopsxy";
    private static final String CYRILLIC = "АВСЕНІЈКМОРЅТХасејорѕху";
    private static final String GREEK_FROM = "ABEHIKMNOPTXYZo";
    private static final String GREEK = "ΑΒΕΗΙΚΜΝΟΡΤΧΥΖο";

    private record Value(String type, String canonical, String before, String after) {
    }

    private record Evasion(String name, UnaryOperator<String> write) {
    }

    private static final List<Value> VALUES = List.of(
            new Value("EMAIL_ADDRESS", "maria.schmidt@example.com", "Please write to ", " before Friday."),
            new Value("PHONE_NUMBER", "+49 30 12345678", "You can call me on ", " after six."),
            new Value("CREDIT_CARD", "4111 1111 1111 1111", "My card number is ", ", expiry 12/27."),
            new Value("IBAN_CODE", "DE89 3704 0044 0532 0130 00", "Please transfer it to IBAN ", " by Monday."),
            new Value("IP_ADDRESS", "192.168.12.34", "The server IP address ", " refused the login."),
            new Value("URL", "https://portal.example.com/claims/17", "Open ", " to see the claim."),
            new Value("MAC_ADDRESS", "00:1A:2B:3C:4D:5E", "The MAC address ", " belongs to her laptop."),
            new Value("IMEI", "490154203237518", "The stolen phone had IMEI ", " on its box."),
            new Value("DATE_OF_BIRTH", "12.03.1985", "Date of birth: ", ", place Berlin."),
            new Value("US_SSN", "536-22-1234", "His SSN ", " is on the form."),
            new Value("UK_NINO", "AB123456C", "National Insurance number ", " was checked."),
            new Value("DE_TAX_ID", "86095742719", "Meine Steuer-ID ist ", ", bitte eintragen."),
            new Value("FR_NIR", "1 85 05 78 006 084 91", "Mon numéro de sécurité sociale est ", " merci."),
            new Value("ES_NIF", "12345678Z", "Mi DNI es ", " y vivo en Madrid."),
            new Value("ES_NIE", "X1234567L", "Mi NIE es ", " desde 2019."),
            new Value("IT_FISCAL_CODE", "RSSMRA85T10A562S", "Il mio codice fiscale è ", ", grazie."),
            new Value("NL_BSN", "111222333", "Mijn BSN is ", " voor de aanvraag."),
            new Value("PL_PESEL", "44051401359", "Mój numer PESEL to ", " proszę."),
            new Value("SE_PERSONNUMMER", "811218-9876", "Mitt personnummer är ", " tack."),
            new Value("PASSPORT", "C01X00T47", "My passport number is ", " and it expires soon."),
            new Value("CRYPTO", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "Send the bitcoin to ", " today."),
            new Value("PERSON", "Maria Schmidt", "Hello, my name is ", " and I need help."),
            new Value("STREET_ADDRESS", "Hauptstraße 12, 10115 Berlin", "Lieferadresse: ", " bitte."));

    /** Tricks that work on any value: the normalisation step must undo them all. */
    private static final List<Evasion> ANY_VALUE = List.of(
            new Evasion("plain", v -> v),
            new Evasion("zero-width space inside", v -> insideTwice(v, "\u200B")),
            new Evasion("soft hyphen inside", v -> insideTwice(v, "\u00AD")),
            new Evasion("word joiner inside", v -> insideTwice(v, "\u2060")),
            new Evasion("zero-width joiner and non-joiner inside", v -> insideTwice(v, "\u200D\u200C")),
            new Evasion("full-width forms", EvasionSetGenerator::fullWidth),
            new Evasion("Arabic-Indic digits", v -> digits(v, 0x0660)),
            new Evasion("Devanagari digits", v -> digits(v, 0x0966)),
            new Evasion("Cyrillic look-alike letters", v -> replace(v, LATIN, CYRILLIC)),
            new Evasion("Greek look-alike letters", v -> replace(v, GREEK_FROM, GREEK)),
            new Evasion("right-to-left override around it", v -> RLO + v + PDF),
            new Evasion("stored reversed inside a right-to-left override",
                    v -> RLO + new StringBuilder(v).reverse() + PDF));

    /** Separators people type between the groups of a number. */
    private static final Map<String, String> SEPARATORS = separators();

    private EvasionSetGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize()
                .resolve("eval").resolve("evasion").resolve("cases.jsonl");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        for (Value value : VALUES) {
            List<Evasion> evasions = new ArrayList<>(ANY_VALUE);
            evasions.addAll(specific(value.type()));
            for (Evasion evasion : evasions) {
                String written = evasion.write().apply(value.canonical());
                if (evasion.name().equals("plain") || !written.equals(value.canonical())) {
                    lines.add(line(lines.size() + 1, value, evasion.name(), written));
                }
            }
        }
        Files.write(file, lines);
        System.out.printf("%s: %d cases%n", file, lines.size());
    }

    private static List<Evasion> specific(String type) {
        List<Evasion> evasions = new ArrayList<>();
        switch (type) {
            case "IBAN_CODE" -> {
                regrouped(evasions, "DE89 3704 0044 0532 0130 00");
                evasions.add(new Evasion("lower case", v -> v.toLowerCase(Locale.ROOT)));
                evasions.add(new Evasion("lower case without spaces", v -> v.toLowerCase(Locale.ROOT).replace(" ", "")));
                evasions.add(new Evasion("mixed case with dashes", v -> "De89-3704-0044-0532-0130-00"));
                evasions.add(new Evasion("characters spaced out one by one", EvasionSetGenerator::spacedOut));
            }
            case "CREDIT_CARD" -> {
                regrouped(evasions, "4111 1111 1111 1111");
                evasions.add(new Evasion("digits spaced out one by one", EvasionSetGenerator::spacedOut));
            }
            case "PHONE_NUMBER" -> {
                evasions.add(new Evasion("dots", v -> "+49.30.1234.5678"));
                evasions.add(new Evasion("dashes", v -> "+49-30-1234-5678"));
                evasions.add(new Evasion("slash", v -> "+49 30/12345678"));
                evasions.add(new Evasion("en-dashes", v -> "+49–30–1234–5678"));
                evasions.add(new Evasion("thin spaces", v -> v.replace(' ', '\u2009')));
                evasions.add(new Evasion("no-break spaces", v -> v.replace(' ', '\u00A0')));
                evasions.add(new Evasion("mixed separators", v -> "+49 30-1234.5678"));
                evasions.add(new Evasion("digits spaced out one by one", EvasionSetGenerator::spacedOut));
            }
            case "EMAIL_ADDRESS" -> {
                evasions.add(new Evasion("full-width at sign", v -> v.replace("@", "＠")));
                evasions.add(new Evasion("spelled out at and dot", v -> "maria.schmidt at example dot com"));
                evasions.add(new Evasion("bracketed [at] and [dot]", v -> "maria.schmidt [at] example [dot] com"));
                evasions.add(new Evasion("parenthesised (at)", v -> "maria.schmidt(at)example.com"));
                evasions.add(new Evasion("braced {at} and {dot}", v -> "maria.schmidt {at} example {dot} com"));
                evasions.add(new Evasion("upper-case AT", v -> "maria.schmidt AT example.com"));
                evasions.add(new Evasion("Cyrillic a in the local part", v -> v.replaceFirst("a", "а")));
            }
            default -> {
            }
        }
        return evasions;
    }

    /** The grouped value with each of {@link #SEPARATORS} between its groups, and once with a mix of them. */
    private static void regrouped(List<Evasion> evasions, String grouped) {
        SEPARATORS.forEach((name, separator) -> evasions.add(new Evasion(name, v -> grouped.replace(" ", separator))));
        evasions.add(new Evasion("mixed separators", v -> {
            String[] groups = grouped.split(" ");
            String[] mix = {"-", ".", "\u2009", "/", "–", " "};
            StringBuilder out = new StringBuilder(groups[0]);
            for (int g = 1; g < groups.length; g++) {
                out.append(mix[g % mix.length]).append(groups[g]);
            }
            return out.toString();
        }));
    }

    private static Map<String, String> separators() {
        Map<String, String> separators = new LinkedHashMap<>();
        separators.put("dashes", "-");
        separators.put("dots", ".");
        separators.put("slashes", "/");
        separators.put("no-break spaces", "\u00A0");
        separators.put("thin spaces", "\u2009");
        separators.put("narrow no-break spaces", "\u202F");
        separators.put("ideographic spaces", "\u3000");
        separators.put("hyphens (U+2010)", "\u2010");
        separators.put("non-breaking hyphens", "\u2011");
        separators.put("figure dashes", "\u2012");
        separators.put("en-dashes", "\u2013");
        separators.put("em-dashes", "\u2014");
        separators.put("minus signs", "\u2212");
        return separators;
    }

    private static String line(int number, Value value, String evasion, String written) throws IOException {
        Map<String, String> json = new LinkedHashMap<>();
        json.put("id", String.format("%s-%03d", value.type().toLowerCase(Locale.ROOT).replace('_', '-'), number));
        json.put("type", value.type());
        json.put("evasion", evasion);
        json.put("text", value.before() + written + value.after());
        json.put("value", written);
        json.put("canonical", value.canonical());
        return JSON.writeValueAsString(json);
    }

    /** The value with {@code invisible} inserted at a third and at two thirds of its length. */
    private static String insideTwice(String value, String invisible) {
        int third = value.length() / 3;
        return value.substring(0, third) + invisible + value.substring(third, 2 * third) + invisible
                + value.substring(2 * third);
    }

    private static String fullWidth(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            out.append(c == ' ' ? '\u3000' : c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : c);
        }
        return out.toString();
    }

    private static String digits(String value, int zero) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            out.append(c >= '0' && c <= '9' ? (char) (zero + c - '0') : c);
        }
        return out.toString();
    }

    private static String replace(String value, String from, String to) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            int i = from.indexOf(c);
            out.append(i >= 0 ? to.charAt(i) : c);
        }
        return out.toString();
    }

    private static String spacedOut(String value) {
        return String.join(" ", value.replace(" ", "").split(""));
    }
}
