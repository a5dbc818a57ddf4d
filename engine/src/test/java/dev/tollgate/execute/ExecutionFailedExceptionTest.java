package dev.tollgate.execute;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionFailedExceptionTest {
    @Test
    void anInputTooLongForTheContextIsTheCallersProblemNotABadGateway() {
        ExecutionFailedException e = ExecutionFailedException.of("slm-local", new ExecutorException(
                ExecutorException.Kind.INPUT_TOO_LONG, "a prompt of 2100 tokens leaves no room in the on-device context of 2048"));
        assertEquals(422, e.status());
        assertEquals("context-exceeded", e.problem());
        assertTrue(e.getMessage().contains("context of 2048"), e.getMessage());
    }

    @Test
    void anAnswerThatIsNotACompletionStaysABadGateway() {
        ExecutionFailedException e = ExecutionFailedException.of("cloud-eu",
                new ExecutorException(ExecutorException.Kind.BAD_RESPONSE, "no choices"));
        assertEquals(502, e.status());
    }
}
