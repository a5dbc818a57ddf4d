package dev.tollgate.policy;

import java.nio.file.Path;

/** Turns a policy directory into one immutable, evaluable version of an engine's packs. */
@FunctionalInterface
public interface PolicyCompiler {
    /** @throws PolicyLoadException listing every problem found, when any part of the directory cannot be loaded */
    CompiledPolicy compile(Path policyDir) throws PolicyLoadException;
}
