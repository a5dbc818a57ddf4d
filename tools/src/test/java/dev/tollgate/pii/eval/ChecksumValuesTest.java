package dev.tollgate.pii.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import dev.tollgate.pii.recognizers.CreditCardRecognizer;
import dev.tollgate.pii.recognizers.DeTaxIdRecognizer;
import dev.tollgate.pii.recognizers.EsNifRecognizer;
import dev.tollgate.pii.recognizers.FrNirRecognizer;
import dev.tollgate.pii.recognizers.IbanRecognizer;
import dev.tollgate.pii.recognizers.ItFiscalCodeRecognizer;
import dev.tollgate.pii.recognizers.NlBsnRecognizer;
import dev.tollgate.pii.recognizers.UsSsnRecognizer;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The labelled sets are only as good as their identifiers: each generated one must pass its own validator. */
class ChecksumValuesTest {
    private final ChecksumValues values = new ChecksumValues(new Random(5));

    private static void allRecognized(String context, Supplier<String> value, Recognizer recognizer, String type) {
        for (int i = 0; i < 200; i++) {
            String id = value.get();
            String text = context + " " + id + " ok";
            List<Finding> findings = recognizer.recognize(text);
            assertEquals(1, findings.size(), id);
            assertEquals(type, findings.get(0).type());
            assertEquals(id, text.substring(findings.get(0).start(), findings.get(0).end()));
        }
    }

    @Test
    void generatedIdentifiersPassTheirChecksums() {
        allRecognized("IBAN", values::iban, new IbanRecognizer(), "IBAN_CODE");
        allRecognized("card", values::card, new CreditCardRecognizer(), "CREDIT_CARD");
        allRecognized("SSN", values::ssn, new UsSsnRecognizer(), "US_SSN");
        allRecognized("DNI", values::dni, new EsNifRecognizer(), "ES_NIF");
        allRecognized("BSN", values::bsn, new NlBsnRecognizer(), "NL_BSN");
        allRecognized("numéro de sécurité sociale", values::nir, new FrNirRecognizer(), "FR_NIR");
        allRecognized("Steuer-ID", values::steuerId, new DeTaxIdRecognizer(), "DE_TAX_ID");
        allRecognized("codice fiscale", values::fiscalCode, new ItFiscalCodeRecognizer(), "IT_FISCAL_CODE");
    }
}
