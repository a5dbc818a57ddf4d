package dev.tollgate.audit.calibrate;

import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.testing.SyntheticCascadeLog;
import dev.tollgate.testing.SyntheticCascadeLog.Execution;
import dev.tollgate.testing.SyntheticCascadeLog.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calibration over generated logs whose verdicts follow known distributions. */
class CalibrationTest {
    private static final double STEP = 1.0 / Thresholds.STEPS_PER_UNIT;
    private static final Rule SUMMARIZE = new Rule("routing.summarize", "summarize", 0.55, null);
    private static final Rule TRANSLATE = new Rule("routing.translate", "translate", 0.65, new ConsistencyCheck(3, 0.4));

    @TempDir
    Path data;

    private List<RouteCalibration> calibrate(List<Execution> executions, double target) throws Exception {
        SyntheticCascadeLog.write(data, executions);
        return CascadeLog.read(data.resolve("log")).stream().map(h -> RouteCalibration.of(h, target, 30)).toList();
    }

    @Test
    void proposesTheConfidenceBelowWhichTheCloudDisagrees() throws Exception {
        List<RouteCalibration> routes = calibrate(SyntheticCascadeLog.validated(SUMMARIZE, 600, 0.3, 1.0, 7,
                (confidence, agreement) -> confidence < 0.62 ? 1 : 0), 0.0);

        RouteCalibration route = routes.getFirst();
        assertEquals(List.of("summarize"), route.tasks());
        assertEquals(0.55, route.current().escalateBelow());
        assertEquals(0.62, route.proposed().escalateBelow(), STEP + 1e-9, route.toString());
        assertNull(route.proposed().agreementBelow());
        assertEquals(0, route.proposed().keptDisagreed());
        assertEquals(600, route.validated());
    }

    @Test
    void aTargetAboveZeroKeepsAsManyMoreAnswersAsItAllows() throws Exception {
        // Corrected with probability 0.6 below 0.62 and 0.01 above, confidences uniform in [0.3, 1): the share of
        // corrections among the answers kept at t < 0.62 is (0.01 * 0.38 + 0.6 (0.62 - t)) / (1 - t), which is 5% at
        // t = 0.62 - 0.0152 / 0.55 = 0.5924.
        List<RouteCalibration> routes = calibrate(SyntheticCascadeLog.validated(SUMMARIZE, 3000, 0.3, 1.0, 11,
                (confidence, agreement) -> confidence < 0.62 ? 0.6 : 0.01), 0.05);

        RouteCalibration.Proposed proposed = routes.getFirst().proposed();
        assertEquals(0.5924, proposed.escalateBelow(), STEP + 0.005, proposed.toString());
        assertTrue((double) proposed.keptDisagreed() / proposed.kept() <= 0.05, proposed.toString());
    }

    @Test
    void proposesTheAgreementBelowWhichTheCloudDisagreesWhenTheRuleChecksConsistency() throws Exception {
        List<RouteCalibration> routes = calibrate(SyntheticCascadeLog.validated(TRANSLATE, 600, 0.3, 1.0, 3,
                (confidence, agreement) -> agreement < 0.5 ? 1 : 0), 0.0);

        RouteCalibration route = routes.getFirst();
        assertEquals(new ConsistencyCheck(3, 0.4), route.current().consistency());
        assertEquals(0.5, route.proposed().agreementBelow(), STEP + 1e-9, route.toString());
        assertTrue(route.proposed().escalateBelow() <= 0.3 + STEP, "confidence says nothing here: " + route);
    }

    @Test
    void saysSoWhenTooFewAnswersWereValidated() throws Exception {
        List<Execution> executions = new ArrayList<>(SyntheticCascadeLog.validated(SUMMARIZE, 12, 0.3, 1.0, 5,
                (confidence, agreement) -> 0.1));
        for (int i = 0; i < 20; i++) {
            executions.add(new Execution(SUMMARIZE, 0.9, null, false, null));
            executions.add(new Execution(SUMMARIZE, 0.2, null, true, null));
        }
        RouteCalibration route = calibrate(executions, 0.05).getFirst();

        assertNull(route.proposed());
        assertEquals("too few validated answers: 12 of the 30 needed", route.note());
        assertEquals(52, route.executions());
        assertEquals(20, route.escalated());
        assertEquals(12, route.validated());
    }

    @Test
    void aLogWithoutValidationsProposesNothing() throws Exception {
        RouteCalibration route = calibrate(List.of(new Execution(TRANSLATE, 0.7, 0.5, false, null),
                new Execution(TRANSLATE, 0.5, 0.2, true, null)), 0.05).getFirst();

        assertEquals(0, route.validated());
        assertNull(route.proposed());
        assertEquals(2, route.executions());
    }

    @Test
    void saysSoWhenNoThresholdReachesTheTarget() throws Exception {
        RouteCalibration route = calibrate(SyntheticCascadeLog.validated(SUMMARIZE, 100, 0.3, 1.0, 9,
                (confidence, agreement) -> 1), 0.05).getFirst();

        assertNull(route.proposed());
        assertEquals("no threshold keeps the cloud's corrections at or below the target", route.note());
    }

    @Test
    void eachRuleIsCalibratedOnItsOwnAnswers() throws Exception {
        List<Execution> executions = new ArrayList<>(SyntheticCascadeLog.validated(SUMMARIZE, 300, 0.3, 1.0, 1,
                (confidence, agreement) -> confidence < 0.7 ? 1 : 0));
        executions.addAll(SyntheticCascadeLog.validated(TRANSLATE, 300, 0.3, 1.0, 2,
                (confidence, agreement) -> confidence < 0.45 ? 1 : 0));
        List<RouteCalibration> routes = calibrate(executions, 0.0);

        assertEquals(List.of("routing.summarize", "routing.translate"), routes.stream().map(RouteCalibration::rule).toList());
        assertEquals(0.70, routes.get(0).proposed().escalateBelow(), STEP + 1e-9);
        assertEquals(0.45, routes.get(1).proposed().escalateBelow(), STEP + 1e-9);
    }

    @Test
    void verdictsOtherThanAgreesAndCorrectedAreNotCounted() throws Exception {
        RouteCalibration route = calibrate(List.of(new Execution(SUMMARIZE, 0.7, null, false, "failed"),
                new Execution(SUMMARIZE, 0.7, null, false, ValidationRecord.CORRECTED)), 0.05).getFirst();

        assertEquals(1, route.validated());
        assertEquals(1, route.disagreed());
    }
}
