package dev.tollgate.pii.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GazetteerTest {
    private final Gazetteer gazetteer = Gazetteer.shared();

    @Test
    void countriesAreKnownInManyLanguagesAndScripts() {
        for (String country : new String[] {"Estonia", "Estland", "Estonie", "Эстония", "Tunisia", "Túnez",
                "Griechenland", "Ελλάδα", "Canada"}) {
            assertTrue(kinds(country).contains("country"), country);
        }
    }

    @Test
    void citiesAreKnownInTheirLocalForms() {
        for (String city : new String[] {"Chicago", "Москва", "Αθήνα", "Kiew", "Helsinki", "Lisbonne"}) {
            assertTrue(kinds(city).contains("city"), city);
        }
    }

    @Test
    void lookupsFoldCapitalsAndDiacritics() {
        assertEquals(gazetteer.kinds("Athènes"), gazetteer.kinds("ATHENES"));
        assertEquals(gazetteer.kinds("Москва"), gazetteer.kinds("МОСКВА"));
        assertEquals(gazetteer.kinds("Ελλάδα"), gazetteer.kinds("ΕΛΛΑΔΑ"));
        assertEquals("athenes", Gazetteer.fold("ATHÈNES"));
    }

    @Test
    void ordinaryWordsAreNotInIt() {
        assertNull(gazetteer.kinds("sandwiches"));
        assertNull(gazetteer.kinds("Write"));
    }

    private String kinds(String word) {
        String kinds = gazetteer.kinds(word);
        return kinds == null ? "" : kinds;
    }
}
