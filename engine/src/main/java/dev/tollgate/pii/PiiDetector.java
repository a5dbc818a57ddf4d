package dev.tollgate.pii;

import dev.tollgate.pii.recognizers.CreditCardRecognizer;
import dev.tollgate.pii.recognizers.CryptoWalletRecognizer;
import dev.tollgate.pii.recognizers.DateOfBirthRecognizer;
import dev.tollgate.pii.recognizers.DeTaxIdRecognizer;
import dev.tollgate.pii.recognizers.EmailRecognizer;
import dev.tollgate.pii.recognizers.EsNieRecognizer;
import dev.tollgate.pii.recognizers.EsNifRecognizer;
import dev.tollgate.pii.recognizers.FrNirRecognizer;
import dev.tollgate.pii.recognizers.IbanRecognizer;
import dev.tollgate.pii.recognizers.ImeiRecognizer;
import dev.tollgate.pii.recognizers.IpAddressRecognizer;
import dev.tollgate.pii.recognizers.ItFiscalCodeRecognizer;
import dev.tollgate.pii.recognizers.LocationRecognizer;
import dev.tollgate.pii.recognizers.MacAddressRecognizer;
import dev.tollgate.pii.recognizers.NlBsnRecognizer;
import dev.tollgate.pii.recognizers.ObfuscatedEmailRecognizer;
import dev.tollgate.pii.recognizers.OrganizationContextRecognizer;
import dev.tollgate.pii.recognizers.OrganizationKindRecognizer;
import dev.tollgate.pii.recognizers.OrganizationRecognizer;
import dev.tollgate.pii.recognizers.PassportRecognizer;
import dev.tollgate.pii.recognizers.PersonRecognizer;
import dev.tollgate.pii.recognizers.PhoneRecognizer;
import dev.tollgate.pii.recognizers.PlPeselRecognizer;
import dev.tollgate.pii.recognizers.SePersonnummerRecognizer;
import dev.tollgate.pii.recognizers.StreetAddressRecognizer;
import dev.tollgate.pii.recognizers.UkNinoRecognizer;
import dev.tollgate.pii.recognizers.UrlRecognizer;
import dev.tollgate.pii.recognizers.UsSsnRecognizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Runs a set of recognizers over the normal form of a text, drops the names, places and organisations that
 * {@link NegativeRules} rule out, and resolves overlapping findings into one non-overlapping list sorted
 * by start. Of two overlapping findings the one with the higher score wins, then the more specific type (an
 * IBAN's digits may also read as a phone number, a card's as an IMEI, not the other way round), then the
 * longer span, then the earlier start.
 */
public final class PiiDetector implements Recognizer {
    /** Most specific first: a type whose validation is stricter outranks one that could match the same digits. */
    public static final List<String> SPECIFICITY = List.of(
            "CRYPTO", "IBAN_CODE", "IT_FISCAL_CODE", "FR_NIR", "EMAIL_ADDRESS", "CREDIT_CARD", "IMEI", "ES_NIE",
            "ES_NIF", "UK_NINO", "US_SSN", "SE_PERSONNUMMER", "PL_PESEL", "DE_TAX_ID", "NL_BSN", "PASSPORT",
            "MAC_ADDRESS", "IP_ADDRESS", "DATE_OF_BIRTH", "PHONE_NUMBER", "URL", "STREET_ADDRESS", "PERSON",
            "ORGANIZATION", "LOCATION");
    private static final Map<String, Integer> RANK = rank();
    private static final Comparator<Finding> PRIORITY = Comparator
            .comparingDouble(Finding::score).reversed()
            .thenComparingInt(f -> RANK.getOrDefault(f.type(), Integer.MAX_VALUE))
            .thenComparing(Comparator.comparingInt((Finding f) -> f.end() - f.start()).reversed())
            .thenComparingInt(Finding::start)
            .thenComparing(Finding::type);

    private final List<Recognizer> recognizers;
    private final WordKnowledge words;

    public PiiDetector(List<? extends Recognizer> recognizers) {
        this.recognizers = List.copyOf(recognizers);
        this.words = this.recognizers.stream().filter(WordKnowledge.class::isInstance).map(WordKnowledge.class::cast)
                .findFirst().orElse(WordKnowledge.NONE);
    }

    /**
     * Every checksum-validated pattern recognizer, the street-address recognizer and the context-rule PERSON,
     * ORGANIZATION and LOCATION recognizers.
     */
    public static PiiDetector defaults() {
        return defaults(PhoneRecognizer.DEFAULT_REGIONS);
    }

    /** This detector with one more recognizer, e.g. a trained NER model. */
    public PiiDetector with(Recognizer extra) {
        List<Recognizer> all = new java.util.ArrayList<>(recognizers);
        all.add(extra);
        return new PiiDetector(all);
    }

    /** As {@link #defaults()}, with phone numbers in national format tried in these regions, in this order. */
    public static PiiDetector defaults(List<String> phoneRegions) {
        return new PiiDetector(List.of(
                new EmailRecognizer(), new ObfuscatedEmailRecognizer(), new UrlRecognizer(), new IpAddressRecognizer(), new MacAddressRecognizer(),
                new PhoneRecognizer(phoneRegions), new CreditCardRecognizer(), new IbanRecognizer(),
                new ImeiRecognizer(), new DateOfBirthRecognizer(), new UsSsnRecognizer(), new UkNinoRecognizer(),
                new DeTaxIdRecognizer(), new FrNirRecognizer(), new EsNifRecognizer(), new EsNieRecognizer(),
                new ItFiscalCodeRecognizer(), new NlBsnRecognizer(), new PlPeselRecognizer(),
                new SePersonnummerRecognizer(), new PassportRecognizer(), new CryptoWalletRecognizer(),
                new StreetAddressRecognizer(), new PersonRecognizer(), new OrganizationRecognizer(),
                new OrganizationKindRecognizer(), new OrganizationContextRecognizer(), new LocationRecognizer()));
    }

    public List<Recognizer> recognizers() {
        return recognizers;
    }

    /**
     * Findings in the original text: the recognizers read its {@link NormalizedText normal form} (and, where a
     * right-to-left override could display a value stored backwards, that form with the override runs reversed
     * too), and their findings are mapped back to the original characters.
     */
    @Override
    public List<Finding> recognize(String text) {
        Objects.requireNonNull(text, "text");
        NormalizedText normalized = NormalizedText.of(text);
        List<Finding> all = new ArrayList<>();
        findIn(normalized, all);
        if (normalized.hasRightToLeftOverride()) {
            findIn(normalized.withOverridesReversed(), all);
        }
        return resolveOverlaps(all);
    }

    /** The negative rules read the text as the recognizers did: a value stored reversed reads forwards there. */
    private void findIn(NormalizedText normalized, List<Finding> all) {
        List<Finding> found = new ArrayList<>();
        for (Recognizer recognizer : recognizers) {
            found.addAll(recognizer.recognize(normalized.text()));
        }
        for (Finding finding : NegativeRules.apply(normalized.text(), found, words)) {
            all.add(normalized.toOriginal(finding));
        }
    }

    /** The findings that survive overlap resolution, sorted by start. */
    static List<Finding> resolveOverlaps(List<Finding> findings) {
        List<Finding> ranked = new ArrayList<>(findings);
        ranked.sort(PRIORITY);
        TreeMap<Integer, Finding> kept = new TreeMap<>();
        for (Finding f : ranked) {
            Map.Entry<Integer, Finding> before = kept.floorEntry(f.start());
            Map.Entry<Integer, Finding> after = kept.ceilingEntry(f.start());
            boolean overlaps = (before != null && before.getValue().end() > f.start())
                    || (after != null && after.getKey() < f.end());
            if (!overlaps && f.end() > f.start()) {
                kept.put(f.start(), f);
            }
        }
        return List.copyOf(kept.values());
    }

    private static Map<String, Integer> rank() {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < SPECIFICITY.size(); i++) {
            rank.put(SPECIFICITY.get(i), i);
        }
        return Map.copyOf(rank);
    }
}
