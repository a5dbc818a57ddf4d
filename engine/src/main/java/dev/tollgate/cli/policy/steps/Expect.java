package dev.tollgate.cli.policy.steps;

import java.util.Objects;

/**
 * What a step expects, failing the scenario with an AssertionError that says what was expected and what came: the
 * steps run in the jar (`tollgate policy test`), where there is no test framework's assertions.
 */
final class Expect {
    private Expect() {
    }

    static void assertEquals(Object expected, Object actual, String message) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">: " + message);
        }
    }

    static void assertEquals(double expected, double actual, double delta, String message) {
        if (!(Math.abs(expected - actual) <= delta)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">: " + message);
        }
    }

    static void assertTrue(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }

    static void assertFalse(boolean condition, String message) {
        assertTrue(!condition, message);
    }
}
