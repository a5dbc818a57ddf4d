package dev.tollgate.execute;

import dev.tollgate.terms.Refusal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExecutionFailedExceptionTest {
    @Test
    void anInputTooLongForTheContextIsTheCallersProblemNotABadGateway() {
        ExecutionFailedException e = ExecutionFailedException.of("slm-local", new ExecutorException(
                ExecutorException.Kind.INPUT_TOO_LONG, "a prompt of 2100 tokens leaves no room in the on-device context of 2048"));
        assertEquals(Refusal.Kind.CONTEXT_EXCEEDED, e.problem());
        assertTrue(e.getMessage().contains("context of 2048"), e.getMessage());
    }

    @Test
    void anAnswerThatIsNotACompletionStaysABadGateway() {
        ExecutionFailedException e = ExecutionFailedException.of("cloud-eu",
                new ExecutorException(ExecutorException.Kind.BAD_RESPONSE, "no choices"));
        assertEquals(Refusal.Kind.DESTINATION_BAD_RESPONSE, e.problem());
    }

    @Test
    void aDestinationThatCouldNotBeReachedIsTheSameProblemAsOneWithoutAnExecutor() {
        Refusal unreachable = ExecutionFailedException.of("cloud-eu",
                new ExecutorException(ExecutorException.Kind.UNREACHABLE, "connection refused")).toRefusal("d");
        Refusal unavailable = ExecutionFailedException.unavailable("cloud-eu").toRefusal("d");
        assertEquals("destination-unavailable", unreachable.kind().wire());
        assertEquals(unreachable.kind().wire(), unavailable.kind().wire());
        assertEquals("d", unreachable.decisionId());
    }
}
