package dev.tollgate.policy.rego;

/**
 * The JVM classes Chicory compiled a Wasm module to, as the jar its compiler writes, with the digest of the module
 * they were compiled from (Chicory's own key: the SHA-256 of the module's bytes).
 */
record MachineClasses(String moduleDigest, byte[] jar) {
}
