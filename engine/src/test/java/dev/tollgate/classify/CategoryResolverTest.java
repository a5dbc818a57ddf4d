package dev.tollgate.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CategoryResolverTest {
    private static final CategoryResolver RESOLVER = new CategoryResolver(new SensitivityClassifier());

    private static CategoryResolver.Categories resolve(String text, String... entityTypes) {
        return RESOLVER.resolve(List.of(text), List.of(entityTypes), List.of());
    }

    @Test
    void aHealthQuestionAboutNoOneIsATopicInEveryLanguage() {
        for (String question : List.of("What are the common symptoms of influenza?",
                "Was sind die häufigsten Symptome der Grippe?", "Quels sont les symptômes courants de la grippe ?",
                "¿Cuáles son los síntomas comunes de la gripe?", "Quali sono i sintomi comuni dell'influenza?")) {
            CategoryResolver.Categories found = resolve(question);
            assertEquals(List.of("health"), found.topics(), question);
            assertEquals(List.of(), found.categories(), question);
            assertFalse(found.specialCategory(), question);
        }
    }

    @Test
    void aConditionOfOneselfOrSomeoneElseIsSpecialCategoryDataInEveryLanguage() {
        for (String text : List.of("I was diagnosed with diabetes last spring.", "His diabetes is getting worse.",
                "Mein Diabetes wird mit Insulin behandelt.", "Sa maladie de Crohn est stable depuis un an.",
                "Mi diabetes está controlada.", "Su asma empeora en invierno.", "La sua depressione è migliorata.")) {
            CategoryResolver.Categories found = resolve(text);
            assertTrue(found.categories().contains("health"), text + ": " + found);
            assertTrue(found.specialCategory(), text);
            assertEquals(List.of(), found.topics(), text);
        }
    }

    @Test
    void aNameOrIdentifierMakesTheTextAboutAPersonButAPlaceDoesNot() {
        assertTrue(resolve("Diabetes type 2 was confirmed at the clinic.", "PERSON").specialCategory());
        assertTrue(resolve("Diabetes type 2 was confirmed at the clinic.", "EMAIL_ADDRESS").specialCategory());
        assertFalse(resolve("Diabetes type 2 is common in Berlin.", "LOCATION").specialCategory());
    }

    @Test
    void aDeclaredCategoryCountsWithOrWithoutAPerson() {
        CategoryResolver.Categories found = RESOLVER.resolve(List.of("What are the common symptoms of influenza?"),
                List.of(), List.of("health"));

        assertEquals(List.of("health"), found.categories());
        assertEquals(List.of(), found.topics());
        assertTrue(found.specialCategory());
    }

    @Test
    void confidentialBusinessInformationNeedsNoPerson() {
        for (String text : List.of("Internal only: the board plans the unannounced acquisition of Northwind.",
                "Streng vertraulich: Übernahmeangebot für die Nordbahn AG.", "Document confidentiel, usage interne.",
                "Confidencial: adquisición prevista de la empresa.", "Strettamente riservato: acquisizione prevista.",
                "Use the key sk-proj-abcdefghijklmnopqrstuvwxyz123456 for the test server.",
                "The admin password is Winter2026!")) {
            assertEquals(List.of(CategoryResolver.CONFIDENTIAL_BUSINESS), resolve(text).categories(), text);
        }
        assertEquals(List.of(), resolve("How do I reset a forgotten login?").categories());
    }

    @Test
    void financeIsRegulatedDataAboutAPersonAndATopicOtherwise() {
        assertEquals(List.of("finance"), resolve("The customer has missed three repayments on the loan.").categories());
        assertEquals(List.of("finance"), resolve("Missed repayments on the loan, account DE89370400440532013000.",
                "IBAN_CODE").categories());
        CategoryResolver.Categories general = resolve("How does a fixed-rate mortgage differ from a variable one?");
        assertEquals(List.of(), general.categories());
        assertEquals(List.of("finance"), general.topics());
    }

    @Test
    void everyCategoryIsEnumerated() {
        assertTrue(CategoryResolver.CATEGORIES.containsAll(SensitivityClassifier.CLASSES));
        assertTrue(CategoryResolver.CATEGORIES.containsAll(List.of("finance", "confidential_business")));
    }
}
