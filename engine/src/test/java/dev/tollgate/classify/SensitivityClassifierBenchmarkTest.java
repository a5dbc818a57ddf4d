package dev.tollgate.classify;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Prints the cost of one classification of a 500-character text after warm-up. Rerun with:
 * {@code mvn -q -Dtest=SensitivityClassifierBenchmarkTest test} and read
 * target/surefire-reports/dev.tollgate.classify.SensitivityClassifierBenchmarkTest-output.txt.
 */
class SensitivityClassifierBenchmarkTest {
    private static final String TEXT_500 = ("Sehr geehrte Damen und Herren, der Patient Hans Müller wurde am "
            + "vierten Mai mit Diabetes Typ 2 diagnostiziert und erhält seitdem Metformin. Bitte fassen Sie den "
            + "Arztbrief für die Versicherung zusammen. Le patient signale aussi des douleurs au dos et une "
            + "fatigue persistante depuis deux semaines. The customer also asked whether the refund can be "
            + "paid back to the original payment method and when the next appointment is available. "
            + "Grazie per la collaborazione e buona giornata a tutti voi, a presto e cordiali saluti.").substring(0, 500);

    @Test
    void classifiesFiveHundredCharactersInMicroseconds() {
        SensitivityClassifier classifier = new SensitivityClassifier();
        assertEquals(List.of("health", "phi"), classifier.classify(TEXT_500));
        CostPerCall.print("SensitivityClassifier.classify", TEXT_500, t -> classifier.classify(t).size());
    }
}
