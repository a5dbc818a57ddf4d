package dev.tollgate.policy.rego;

import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.testing.OpaServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The bundle in the repository's opa-bundles/tollgate folder, compiled to Wasm once for all tests of a run. */
final class ShippedBundle {
    private static RegoWasmPolicy wasm;

    private ShippedBundle() {
    }

    static Path dir() {
        return OpaServer.root().resolve("opa-bundles/tollgate");
    }

    static OpaBinary opa() {
        return OpaServer.binary();
    }

    static synchronized RegoWasmPolicy wasm() throws PolicyLoadException {
        if (wasm == null) {
            wasm = new RegoWasmCompiler(opa(), 4).compile(dir());
        }
        return wasm;
    }

    /** A copy of the shipped bundle (manifest included) in a fresh temporary directory, to break or change. */
    static Path copy(Path parent) {
        Path target = parent.resolve("bundle");
        try (Stream<Path> files = Files.walk(dir())) {
            for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(dir().relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
