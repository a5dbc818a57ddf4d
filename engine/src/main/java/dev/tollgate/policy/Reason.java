package dev.tollgate.policy;

/**
 * Why a rule fired: the rule's stable id, the engine and pack it lives in, its legal basis and a
 * message a person can read.
 */
public record Reason(String rule, String engine, String pack, String basis, String message) {
}
