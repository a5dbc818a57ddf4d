package dev.tollgate.api;

import java.util.List;

/**
 * A request that cannot be served, answered as RFC 9457 problem+json. The kind names a stable problem type;
 * the detail must never quote the request body.
 */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String kind;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(HttpProblem problem, String detail) {
        this(problem, detail, List.of());
    }

    public ProblemException(HttpProblem problem, String detail, List<FieldError> errors) {
        this(problem.status(), problem.wire(), problem.title(), detail, errors);
    }

    /** A problem whose status and title are decided elsewhere: a refusal's (RefusalProblems), Helidon's own. */
    public ProblemException(int status, String kind, String title, String detail) {
        this(status, kind, title, detail, List.of());
    }

    public ProblemException(int status, String kind, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_BASE + kind, title, status, getMessage(), instance,
                errors.isEmpty() ? null : errors);
    }

    /** The stable problem kind, the last segment of the problem type. */
    public String kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    /** The invalid fields, when the problem is about them. */
    public List<FieldError> errors() {
        return errors;
    }
}
