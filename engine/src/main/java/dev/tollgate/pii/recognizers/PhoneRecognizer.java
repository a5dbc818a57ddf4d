package dev.tollgate.pii.recognizers;

import dev.tollgate.pii.DetectionWork;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PHONE_NUMBER: numbers that libphonenumber's {@link com.google.i18n.phonenumbers.PhoneNumberMatcher} accepts as
 * valid, in international format or in the national format of one of the configured regions (hints first).
 *
 * <p>A matcher call costs 10-35 µs, so it is not run over the whole text once per region. A cheap pattern
 * picks digit runs, and for national-format runs a metadata lookup ({@code isValidNumber} on a number
 * built from the digits, about a microsecond) selects the first region in which they are valid; only then does
 * the matcher run, once, on that run with that region.
 *
 * <p>In Denmark, Luxembourg and other regions without a trunk prefix almost any eight digits form a valid
 * number, so a national number that does not start with the trunk prefix 0 (or a US area code in parentheses)
 * is taken only after a context word, with one exception: a run of nine or more digits grouped exactly as
 * libphonenumber writes that number in the region's national format ("312 345 0092" for an Italian mobile,
 * "612 34 56 78" for a Spanish one). That grouping is rare by chance, while digits grouped in threes read as an
 * amount and are still left to context. Runs shaped like dates are never phone numbers.
 */
public final class PhoneRecognizer implements Recognizer {
    /** The EU member states, the United Kingdom and the United States. */
    public static final List<String> DEFAULT_REGIONS = List.of(
            "DE", "FR", "IT", "ES", "GB", "US", "NL", "BE", "AT", "PL", "SE", "DK", "FI", "IE", "PT", "GR", "CZ",
            "SK", "HU", "RO", "BG", "HR", "SI", "LT", "LV", "EE", "LU", "MT", "CY");
    /** Region used for numbers written with the 00 international prefix, which every EU country and the UK dial. */
    private static final String IDD_00_REGION = "DE";

    private static final String TYPE = "PHONE_NUMBER";
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}+])(?:\\+ ?+|\\(\\+?+)?+\\d[\\d()./ \\u00A0\\u202F-]{5,28}+");
    private static final Pattern DATE_SHAPE = Pattern.compile(
            "\\d{1,2}([./-])\\d{1,2}\\1(?:\\d{2}|\\d{4})|\\d{4}([./-])\\d{1,2}\\2\\d{1,2}");
    private static final Pattern AREA_CODE = Pattern.compile("\\(\\d{3}\\)");
    private static final Pattern THOUSANDS_SHAPE = Pattern.compile("\\d{1,3}+(?:\\D\\d{3})++");
    private static final Pattern DIGIT_GROUP = Pattern.compile("\\d++");
    /** Fewer digits in national format without a trunk prefix (Danish, Maltese numbers) are too often other codes. */
    private static final int MIN_GROUPED_DIGITS = 9;
    private static final Windows WINDOWS = Windows.runs(
            CharClass.of(CharClass.DIGITS + CharClass.SEPARATORS + "()+"), CharClass.DIGIT, 7);
    private static final ContextWords CONTEXT = ContextWords.of(
            "phone", "telephone", "tel", "mobile", "cell", "call", "fax", "whatsapp", "number", "contact",
            "telefon*", "handy*", "mobil*", "rufnummer", "anruf*", "erreichbar",
            "téléphone", "portable", "numéro", "appel*", "joindre",
            "teléfono", "móvil", "celular", "llamar", "número",
            "telefono", "cellulare", "numero", "chiamare");

    private record Region(String code, int countryCode, String trunkPrefix) {
    }

    private final List<Region> regions;

    public PhoneRecognizer() {
        this(DEFAULT_REGIONS);
    }

    /** @param regions ISO 3166 region codes tried in order for national-format numbers, e.g. the subject's country first */
    public PhoneRecognizer(List<String> regions) {
        List<Region> list = new ArrayList<>();
        for (String code : regions) {
            String region = code.toUpperCase(Locale.ROOT);
            int countryCode = UTIL.getCountryCodeForRegion(region);
            if (countryCode == 0) {
                throw new IllegalArgumentException("Unknown phone region: " + code);
            }
            String trunk = UTIL.getNddPrefixForRegion(region, true);
            list.add(new Region(region, countryCode, trunk == null ? "" : trunk));
        }
        this.regions = List.copyOf(list);
    }

    @Override
    public List<Finding> recognize(String text) {
        List<Finding> findings = new ArrayList<>();
        Set<Long> spans = new HashSet<>();
        Matcher matcher = CANDIDATE.matcher(DetectionWork.reading(text)).useTransparentBounds(true).useAnchoringBounds(false);
        WINDOWS.forEach(text, (from, to) -> {
            matcher.region(from, to);
            while (matcher.find()) {
                int start = matcher.start();
                int end = matcher.end();
                if (end < text.length() && Character.isDigit(text.charAt(end))) {
                    continue;
                }
                while (!Character.isDigit(text.charAt(end - 1))) {
                    end--;
                }
                candidate(text, start, end, findings, spans);
            }
        });
        return findings;
    }

    private void candidate(String text, int start, int end, List<Finding> findings, Set<Long> spans) {
        String digits = PatternRecognizer.digits(text, start, end);
        if (digits.length() < 7 || digits.length() > 17) {
            return;
        }
        String run = text.substring(start, end);
        DetectionWork.add(run.length());
        if (DATE_SHAPE.matcher(run).matches()) {
            return;
        }
        boolean international = run.startsWith("+") || run.startsWith("(+");
        String region;
        if (international) {
            region = isValidInternational(digits) ? "ZZ" : null;
        } else if (digits.startsWith("00")) {
            region = isValidInternational(digits.substring(2)) ? IDD_00_REGION : null;
        } else if (digits.startsWith("0") || AREA_CODE.matcher(run).lookingAt() || CONTEXT.findBefore(text, start) != null) {
            region = nationalRegion(digits, null);
        } else if (digits.length() >= MIN_GROUPED_DIGITS && !THOUSANDS_SHAPE.matcher(run).matches()) {
            // An ungrouped run proves nothing, even where libphonenumber writes the number without separators.
            // Nor does a spaced-out one: libphonenumber never writes single-digit groups.
            List<Integer> written = groups(run);
            region = written.size() > 1 && Collections.max(written) > 1 ? nationalRegion(digits, written) : null;
        } else {
            return;
        }
        if (region == null) {
            return;
        }
        for (PhoneNumberMatch match : UTIL.findNumbers(run, region, Leniency.VALID, Long.MAX_VALUE)) {
            int s = start + match.start();
            int e = start + match.end();
            if (spans.add(((long) s << 32) | e)) {
                Candidate c = new Candidate(s, e, international ? 0.7 : 0.5, explanation(match.number(), international));
                findings.add(CONTEXT.score(TYPE, text, c));
            }
        }
    }

    /**
     * The first configured region in whose national format the digits are a valid number and, if
     * {@code writtenGroups} is not null, are grouped as libphonenumber formats that number there; or null.
     */
    private String nationalRegion(String digits, List<Integer> writtenGroups) {
        for (Region region : regions) {
            PhoneNumber number = nationalNumber(digits, region, false);
            // isValidNumber, not ...ForRegion: a Vatican number dialled in Italy is valid though its region is VA.
            if (number != null && UTIL.isValidNumber(number) && (writtenGroups == null
                    || writtenGroups.equals(groups(UTIL.format(number, PhoneNumberFormat.NATIONAL))))) {
                return region.code();
            }
        }
        return null;
    }

    /** The lengths of the digit groups, e.g. [3, 3, 4] for "312 345 0092" and for "(312) 345-0092". */
    private static List<Integer> groups(String written) {
        List<Integer> lengths = new ArrayList<>();
        Matcher group = DIGIT_GROUP.matcher(written);
        while (group.find()) {
            lengths.add(group.end() - group.start());
        }
        return lengths;
    }

    /** Whether the digits after the international prefix are a country code and a valid number there. */
    private static boolean isValidInternational(String digits) {
        // Country codes are prefix-free: the first of one, two or three digits that is assigned is the one.
        for (int length = 1; length <= 3 && length < digits.length(); length++) {
            int countryCode = Integer.parseInt(digits.substring(0, length));
            String code = UTIL.getRegionCodeForCountryCode(countryCode);
            if (!code.equals("ZZ")) {
                String trunk = UTIL.getNddPrefixForRegion(code, true);
                Region region = new Region(code, countryCode, trunk == null ? "" : trunk);
                PhoneNumber number = nationalNumber(digits.substring(length), region, true);
                return number != null && UTIL.isValidNumber(number);
            }
        }
        return false;
    }

    /**
     * The number the digits denote when dialled in the region; the trunk prefix is stripped if present (as in
     * "+44 (0)20 ...") and required in national format, except in the North American plan, where it is optional.
     */
    private static PhoneNumber nationalNumber(String digits, Region region, boolean afterCountryCode) {
        String significant;
        if (!region.trunkPrefix().isEmpty() && digits.startsWith(region.trunkPrefix())) {
            significant = digits.substring(region.trunkPrefix().length());
        } else if (afterCountryCode || region.trunkPrefix().isEmpty() || region.countryCode() == 1) {
            significant = digits;
        } else {
            return null;
        }
        if (significant.isEmpty() || significant.length() > 17) {
            return null;
        }
        int leadingZeros = 0;
        while (leadingZeros < significant.length() - 1 && significant.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        PhoneNumber number = new PhoneNumber().setCountryCode(region.countryCode())
                .setNationalNumber(Long.parseLong(significant));
        if (leadingZeros > 0) {
            // Italian fixed-line numbers keep their leading zero after the country code.
            number.setItalianLeadingZero(true).setNumberOfLeadingZeros(leadingZeros);
        }
        return number;
    }

    private static String explanation(PhoneNumber number, boolean international) {
        String kind = UTIL.getNumberType(number).name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return "valid " + kind + " number for region " + UTIL.getRegionCodeForNumber(number)
                + (international ? " in international format" : " in national format") + " (libphonenumber)";
    }
}
