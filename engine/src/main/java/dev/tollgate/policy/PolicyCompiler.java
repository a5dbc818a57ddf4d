package dev.tollgate.policy;

import java.nio.file.Path;

/**
 * Turns a policy directory into one immutable, evaluable version of an engine's packs. Closing it releases what
 * the versions it compiled evaluate with (Drools' evaluation threads).
 */
@FunctionalInterface
public interface PolicyCompiler extends AutoCloseable {
    /** @throws PolicyLoadException listing every problem found, when any part of the directory cannot be loaded */
    CompiledPolicy compile(Path policyDir) throws PolicyLoadException;

    @Override
    default void close() {
    }
}
