package dev.tollgate.pii.eval;

import dev.tollgate.pii.ner.FakeValues;
import dev.tollgate.pii.ner.SlotValues;
import java.util.Locale;

/** The training slots (names, places, companies, capitalised non-names) plus checksum-validated identifiers. */
final class EvalValues implements SlotValues {
    private final FakeValues fake;
    private final ChecksumValues checksums;

    EvalValues(String language, long seed) {
        this.fake = new FakeValues(language, seed);
        this.checksums = new ChecksumValues(fake.random());
    }

    @Override
    public String language() {
        return fake.language();
    }

    @Override
    public String value(String slot) {
        return switch (slot) {
            case "IBAN" -> checksums.iban();
            case "CARD" -> checksums.card();
            case "PHONE" -> checksums.phone();
            case "EMAIL" -> fake.value("FIRST").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "")
                    + "." + fake.value("NUM") + "@example." + (fake.random().nextBoolean() ? "com" : "org");
            case "SSN" -> checksums.ssn();
            case "DNI" -> checksums.dni();
            case "BSN" -> checksums.bsn();
            case "NIR" -> checksums.nir();
            case "STEUERID" -> checksums.steuerId();
            case "CF" -> checksums.fiscalCode();
            default -> fake.value(slot);
        };
    }

    @Override
    public String typeOf(String slot) {
        return switch (slot) {
            case "IBAN" -> "IBAN_CODE";
            case "CARD" -> "CREDIT_CARD";
            case "PHONE" -> "PHONE_NUMBER";
            case "EMAIL" -> "EMAIL_ADDRESS";
            case "SSN" -> "US_SSN";
            case "DNI" -> "ES_NIF";
            case "BSN" -> "NL_BSN";
            case "NIR" -> "FR_NIR";
            case "STEUERID" -> "DE_TAX_ID";
            case "CF" -> "IT_FISCAL_CODE";
            default -> fake.typeOf(slot);
        };
    }
}
