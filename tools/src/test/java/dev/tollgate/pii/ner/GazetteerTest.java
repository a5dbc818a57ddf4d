package dev.tollgate.pii.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class GazetteerTest {
    private final Gazetteer gazetteer = TestKnowledge.GAZETTEER;

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
    void geoNamesCitiesAreKnownByTheirOtherNamesAndScripts() {
        for (String city : new String[] {"Kenosha", "Кеноша", "ΑΘΗΝΑ", "Atene", "Zaragoza", "Gdańsk", "Тернопіль"}) {
            assertTrue(kinds(city).contains("city"), city);
        }
    }

    @Test
    void givenNamesFromManyCountriesAreKnown() {
        for (String name : new String[] {"Zsófia", "Małgorzata", "Ioannis", "Jiří"}) {
            assertTrue(kinds(name).contains("first"), name);
        }
    }

    @Test
    void aModelCarriesItsGazetteer() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Gazetteer.Serializer().serialize(gazetteer, bytes);
        Gazetteer read = new Gazetteer.Serializer().create(new ByteArrayInputStream(bytes.toByteArray()));
        for (String word : new String[] {"Kenosha", "Москва", "Estland", "Zsófia", "GmbH", "sandwiches"}) {
            assertEquals(gazetteer.kinds(word), read.kinds(word), word);
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

    @Test
    void wordsTheTemplatesWriteInLowerCaseAreNotCitiesOrNamesEvenWhereATownBearsThem() {
        // Some town or person somewhere bears each of these; as the templates' own words they stay out.
        for (String word : new String[] {"de", "the", "ist", "was", "il", "hier"}) {
            assertNull(gazetteer.kinds(word), word);
        }
        assertTrue(OrdinaryWords.of(TrainingTemplates.BY_LANGUAGE).contains("ist"));
    }

    @Test
    void listedCompaniesAreKnownByTheirFirstWord() {
        for (String company : new String[] {"Zalando", "Adyen", "Siemens", "Iberdrola"}) {
            assertTrue(kinds(company).contains("firm"), company);
        }
    }

    private String kinds(String word) {
        String kinds = gazetteer.kinds(word);
        return kinds == null ? "" : kinds;
    }
}
