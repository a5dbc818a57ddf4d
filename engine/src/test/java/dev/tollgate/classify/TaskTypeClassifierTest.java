package dev.tollgate.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The task derived from a request's text, by cue words first and by the trained categorizer for the rest. */
class TaskTypeClassifierTest {
    private static final TaskTypeClassifier CLASSIFIER = new TaskTypeClassifier();

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Please summarise the attached meeting notes in five bullet points.            | summarize
            Fasse das Protokoll der Sitzung in drei Sätzen zusammen.                      | summarize
            Traduis ce courriel en anglais, s'il te plaît.                                | translate
            Explica paso a paso cómo se calcula la franquicia.                             | reasoning
            Scrivi una funzione Python che ordina una lista di polizze per data.          | code
            Draft a reply to the customer who asked to cancel her contract.               | draft
            Extrae las fechas y los importes de esta factura.                             | extract
            Classify these e-mails as complaint, question or praise.                      | classify
            Review this contract clause for legal risks before we sign it.                | reasoning
            Write Python code that translates the summary into German.                    | code
            """)
    void cueWordsSettleTheTaskAndTheMostDemandingCueWins(String text, String task) {
        assertEquals(task, CLASSIFIER.derive(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            When does your office open on Mondays?                                         | faq
            Wie hoch ist die Selbstbeteiligung bei der Hausratversicherung?                | faq
            Should we settle this claim or go to court, given the witness statements?     | reasoning
            """)
    void theCategorizerSettlesWhatNoCueDoes(String text, String task) {
        assertEquals(task, CLASSIFIER.derive(text));
    }

    /** A document pasted without a request gives no clear sign: the declared task then stands alone. */
    @Test
    void aTextThatAsksForNothingDerivesNoTask() {
        String prose = "The quarterly newsletter lists the new opening hours of the regional branches. ";
        assertNull(CLASSIFIER.derive(prose));
        assertNull(CLASSIFIER.derive(prose.repeat(200)), "a long document does not pile up into a guess");
    }
}
