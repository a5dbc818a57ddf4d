package dev.tollgate.testing;

import java.util.List;

/** Request bodies used across the end-to-end tests: with and without personal data, five languages. */
public final class Samples {
    public static final String PATIENT_NAME = "Hans Müller";
    public static final String FRENCH_NAME = "Camille Martin";
    public static final String FRENCH_IBAN = "FR14 2004 1010 0505 0001 3M02 606";
    public static final String FRENCH_PHONE = "+33 6 12 34 56 78";
    public static final String EMAIL = "jane.doe@example.com";

    public static final List<String> BODIES = List.of(
            body("summarize", "DE", "Der Patient " + PATIENT_NAME + " wurde mit Diabetes Typ 2 diagnostiziert."),
            body("summarize", "FR", "Bonjour, je m'appelle " + FRENCH_NAME + ", mon IBAN est " + FRENCH_IBAN
                    + " et mon numéro est " + FRENCH_PHONE + "."),
            body("faq", "US", "How do I change the email on my policy? It is " + EMAIL + " today."),
            body("faq", "DE", "What are your opening hours on public holidays?"),
            body("reasoning", "ES", "Me llamo Lucía García. Explique paso a paso cómo se calcula la franquicia."),
            body("reasoning", "IT", "Spiega passo dopo passo come funziona la franchigia di una polizza casa."),
            body("classify", "GB", "Claim 88213: burst pipe reported on 3 March, repair estimate 2,400 GBP."));

    private Samples() {
    }

    public static String body(String task, String country, String text) {
        return "{\"task\": {\"type\": \"" + task + "\"}, \"subject\": {\"country\": \"" + country + "\"},"
                + " \"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"" + text + "\"}]}}";
    }

    /** Every sensitive value the samples carry, which must never appear in any log. */
    public static List<String> sensitiveValues() {
        return List.of(PATIENT_NAME, "Diabetes", FRENCH_NAME, FRENCH_IBAN, "FR1420041010", FRENCH_PHONE, EMAIL,
                "Lucía García", "opening hours");
    }
}
