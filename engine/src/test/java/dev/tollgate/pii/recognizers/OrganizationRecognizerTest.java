package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationRecognizerTest {
    private final OrganizationRecognizer recognizer = new OrganizationRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Invoice to Krämer Haustechnik GmbH today|Krämer Haustechnik GmbH",
            "Firma: Ahlers Landtechnik GmbH & Co. KG|Ahlers Landtechnik GmbH & Co. KG",
            "Société : Lartigue Transports S.A.S.|Lartigue Transports S.A.S.",
            "Empresa: Envases Jiménez S.L.|Envases Jiménez S.L.",
            "presso Imballaggi Ferri S.r.l. a Torino|Imballaggi Ferri S.r.l.",
            "Atlante Consulenza S.p.A. comunica|Atlante Consulenza S.p.A.",
            "The board of Castell Water plc met|Castell Water plc",
            "a deal with Norrland Freight AB.|Norrland Freight AB",
            "The partners at Davis, Reynolds and Williamson declined|Davis, Reynolds and Williamson",
            "Die Kanzlei Hartmann, Vogel und Seidl vertritt|Hartmann, Vogel und Seidl",
            "Redfern, Oduya & Clarke act for him|Redfern, Oduya & Clarke",
            "Fischer, Lang und Partner prüfen|Fischer, Lang und Partner"})
    void findsLegalFormsAndPartnerFirms(String text, String organisation) {
        found(recognizer, text, organisation, "ORGANIZATION");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ingrid, Ole and Pia came to dinner.", "We saw Paris, Rome and Vienna.",
            "The Premium Plan is great.", "Read the Quick Start Guide"})
    void listsOfNamesAndPlacesAreNotFirms(String text) {
        none(recognizer, text);
    }
}
