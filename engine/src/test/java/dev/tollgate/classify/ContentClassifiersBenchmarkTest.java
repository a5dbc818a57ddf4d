package dev.tollgate.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Prints the cost of recognising prohibited practices and deriving the task type of a 500-character text after
 * warm-up. Rerun with {@code mvn -q -Dtest=ContentClassifiersBenchmarkTest test} and read
 * target/surefire-reports/dev.tollgate.classify.ContentClassifiersBenchmarkTest-output.txt.
 */
class ContentClassifiersBenchmarkTest {
    private static final String TEXT_500 = ("Sehr geehrte Damen und Herren, bitte prüfen Sie die Vertragsklausel "
            + "zur Haftungsbegrenzung und sagen Sie uns, ob sie vor Gericht halten würde. Le client demande aussi "
            + "quand le remboursement sera versé sur son compte. The customer also asked whether the refund can be "
            + "paid back to the original payment method and when the next appointment is available. Grazie per "
            + "la collaborazione e buona giornata a tutti voi, a presto e cordiali saluti. Ci sentiamo la "
            + "prossima settimana per il seguito della pratica e per le ultime domande ancora aperte.").substring(0, 500);

    @Test
    void bothClassifiersTakeMicrosecondsOnFiveHundredCharacters() {
        ProhibitedPracticeClassifier practices = new ProhibitedPracticeClassifier();
        TaskTypeClassifier tasks = new TaskTypeClassifier();
        assertEquals(List.of(), practices.recognise(TEXT_500));
        CostPerCall.print("ProhibitedPracticeClassifier.recognise", TEXT_500, t -> practices.recognise(t).size());
        CostPerCall.print("TaskTypeClassifier.derive", TEXT_500, t -> String.valueOf(tasks.derive(t)).length());
    }
}
