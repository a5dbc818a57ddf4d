package dev.tollgate.policy;

/**
 * A defect found while loading a policy: the file (relative to the policy directory), the line
 * (0 when unknown) and what is wrong.
 */
public record PolicyProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
