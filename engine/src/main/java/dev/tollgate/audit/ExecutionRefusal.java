package dev.tollgate.audit;

/**
 * A token that was not honoured, and why.
 *
 * @param decisionId null when the token could not be read (an unsigned id proves nothing)
 * @param problem    the problem kind the caller was given, e.g. "token-used"
 */
public record ExecutionRefusal(String decisionId, String application, String problem) implements LogRecord {
}
