package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationContextRecognizerTest {
    private final OrganizationContextRecognizer recognizer = new OrganizationContextRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Verdafero is the brainchild of two nurses.|Verdafero",
            "She works at Blue Heron Studios in town.|Blue Heron Studios",
            "I was employed by the Crane Works for years.|Crane Works",
            "Er arbeitet bei Möwenpost seit Mai.|Möwenpost",
            "Elle travaille chez Mistral Conseil, je crois.|Mistral Conseil",
            "Trabaja en Olivares Digital y vive cerca.|Olivares Digital",
            "Lavora presso Ciclamino Design da anni.|Ciclamino Design",
            "Peregrine Ltd was founded by my aunt.|Peregrine Ltd",
            "Contratto firmato con Brezzamarina per tre anni.|Brezzamarina",
            "I bank with Thornbury Mutual, sadly.|Thornbury Mutual",
            "Wir sind versichert bei Möwenschutz seit Jahren.|Möwenschutz",
            "Ventolina recrute des techniciens.|Ventolina",
            "Il mister ha lasciato la panchina della Ventolese dopo due anni.|Ventolese",
            "Sono tifoso del Borgorosso da sempre.|Borgorosso",
            "Parla l'ufficio acquisti della Lanterna Sarda.|Lanterna Sarda",
            "Mia sorella lavora da Pastelli Rossi come grafica.|Pastelli Rossi",
            "Espone alla galleria Sala Corvino fino a maggio.|Sala Corvino",
            "Expone en la galería Arte Tormes hasta mayo.|Arte Tormes",
            "Il preventivo della ditta Bertoldi Impianti è arrivato.|Bertoldi Impianti"})
    void findsAnOrganisationByWhatIsSaidOfIt(String text, String organisation) {
        found(recognizer, text, organisation, "ORGANIZATION");
    }

    @ParameterizedTest
    @ValueSource(strings = {"She works at home.", "He works at night, in Leeds.", "Trabaja en casa.",
            "It is the brainchild of Anna."})
    void withoutACapitalisedNameThereIsNone(String text) {
        none(recognizer, text);
    }
}
