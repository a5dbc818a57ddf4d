package dev.tollgate.pii.recognizers;

import static dev.tollgate.pii.recognizers.Findings.found;
import static dev.tollgate.pii.recognizers.Findings.none;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganizationKindRecognizerTest {
    private final OrganizationKindRecognizer recognizer = new OrganizationKindRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "He teaches at the University of Bath now.|University of Bath",
            "Sie liegt im Klinikum an der Weser.|Klinikum an der Weser",
            "Réservé à l'Hôtel du Lac, merci.|Hôtel du Lac",
            "Cuenta en la Caja Rural de Soria.|Caja Rural de Soria",
            "Chiamato la Banca Popolare di Sondrio ieri|Banca Popolare di Sondrio",
            "Rendez-vous au Cabinet dentaire Lemaire demain|Cabinet dentaire Lemaire",
            "Heute spielt der TSV Grünwald.|TSV Grünwald",
            "Wire it to Eastmoor Bank today.|Eastmoor Bank",
            "Our quote from Kestrel Marine Group arrived|Kestrel Marine Group",
            "Admitted to St Aidan's Hospital last night|St Aidan's Hospital",
            "Die Ostsee Versicherung zahlt nicht.|Ostsee Versicherung",
            "Il a rejoint Tramontane Logiciels en mai.|Tramontane Logiciels",
            "Der Segelclub Ratzeburg lädt ein.|Segelclub Ratzeburg",
            "Ordine inviato alla Cartiera Valtidone ieri.|Cartiera Valtidone",
            "Le piastrelle della Ceramiche Borgese sono arrivate.|Ceramiche Borgese",
            "Reclamo inviato a Termoforniture Adda il 3 marzo.|Termoforniture Adda",
            "Elle soigne au Centre hospitalier de Dole.|Centre hospitalier de Dole",
            "We joined Ashgrove Cricket Club today!|Ashgrove Cricket Club",
            "Die Gärtnerei Lindgrün liefert.|Gärtnerei Lindgrün",
            "Pedido de Ferretería Robles listo.|Ferretería Robles",
            "Shipped by Corvid Parcel Services.|Corvid Parcel Services",
            "Opéré à la Polyclinique des Cèdres.|Polyclinique des Cèdres"})
    void findsANameWithAWordForAKindOfOrganisation(String text, String organisation) {
        found(recognizer, text, organisation, "ORGANIZATION");
    }

    @ParameterizedTest
    @ValueSource(strings = {"The bank was closed.", "Book a Hotel, then a car.", "Go to the Bank.",
            "Bank details attached.", "My Bank, your bank.", "Selection Criteria apply."})
    void aKindWordWithoutACapitalisedNameIsNoOrganisation(String text) {
        none(recognizer, text);
    }
}
