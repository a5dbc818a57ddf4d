package dev.tollgate.policy.rego;

import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompiledBundleCacheTest {
    @TempDir
    Path cache;
    @TempDir
    Path tmp;

    private static RegoWasmPolicy compile(CompiledBundleCache builds, Path bundle) throws PolicyLoadException {
        return new RegoWasmCompiler(ShippedBundle.opa(), 1, builds).compile(bundle);
    }

    @Test
    void anUnchangedBundleIsLoadedAndDecidesEveryGeneratedDocumentAsABuiltOne() throws PolicyLoadException {
        CompiledBundleCache first = CompiledBundleCache.in(cache);
        RegoWasmPolicy built = compile(first, ShippedBundle.dir());
        CompiledBundleCache second = CompiledBundleCache.in(cache);
        RegoWasmPolicy loaded = compile(second, ShippedBundle.dir());

        assertEquals(0, first.loaded());
        assertEquals(1, second.loaded());
        assertEquals(0, second.stored(), "neither built nor compiled again");
        assertEquals(built.digest(), loaded.digest());
        assertEquals(built.rules(), loaded.rules());
        FactsArbitraries.assertDecideAlike(built, loaded);
    }

    @Test
    void aChangedBundleIsBuiltAgainAndItsErrorsNamedWithFileAndLine() throws IOException, PolicyLoadException {
        Path bundle = ShippedBundle.copy(tmp);
        compile(CompiledBundleCache.in(cache), bundle);
        Path gdpr = bundle.resolve("gdpr.rego");
        String shipped = Files.readString(gdpr);
        String broken = shipped.replace("fired contains local_only_rule if count(local_only) > 0",
                "fired contains local_only_rule if count(local_onlyy) > 0");
        assertNotEquals(shipped, broken);
        Files.writeString(gdpr, broken);

        List<PolicyProblem> problems = assertThrows(PolicyLoadException.class,
                () -> compile(CompiledBundleCache.in(cache), bundle)).problems();
        assertEquals("gdpr.rego", problems.getFirst().file(), problems::toString);
        assertEquals(lineOf(broken, "count(local_onlyy)"), problems.getFirst().line(), problems::toString);

        String renamed = shipped.replace("\"message\": \"", "\"message\": \"Changed: ");
        assertNotEquals(shipped, renamed);
        Files.writeString(gdpr, renamed);
        CompiledBundleCache changed = CompiledBundleCache.in(cache);
        RegoWasmPolicy rebuilt = compile(changed, bundle);
        assertEquals(0, changed.loaded());
        assertEquals(1, stored().size(), "the build of the earlier version is replaced");
        CompiledBundleCache again = CompiledBundleCache.in(cache);
        assertEquals(rebuilt.rules(), compile(again, bundle).rules());
        assertEquals(1, again.loaded());
    }

    @Test
    void aStoredBuildThatCannotBeReadIsBuiltOverAndStoredAgain() throws IOException, PolicyLoadException {
        RegoWasmPolicy built = compile(CompiledBundleCache.in(cache), ShippedBundle.dir());
        List<Path> files = stored();
        assertEquals(1, files.size(), files::toString);
        byte[] bytes = Files.readAllBytes(files.getFirst());
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(files.getFirst(), bytes);

        CompiledBundleCache unreadable = CompiledBundleCache.in(cache);
        assertEquals(built.rules(), compile(unreadable, ShippedBundle.dir()).rules());
        assertEquals(0, unreadable.loaded());
        CompiledBundleCache rewritten = CompiledBundleCache.in(cache);
        compile(rewritten, ShippedBundle.dir());
        assertEquals(1, rewritten.loaded());
    }

    @Test
    void aStoredBuildWhoseClassesCannotBeLoadedIsCompiledAndStoredAgain() throws IOException, PolicyLoadException {
        compile(CompiledBundleCache.in(cache), ShippedBundle.dir());
        Path file = stored().getFirst();
        CompiledBundleCache.Stored build = CompiledBundleCache.in(cache).load(file).orElseThrow();
        CompiledBundleCache.in(cache).store(file, new CompiledBundleCache.Stored(build.bundle(),
                new MachineClasses(build.classes().moduleDigest(), new byte[] {'P', 'K', 3, 4})));

        CompiledBundleCache broken = CompiledBundleCache.in(cache);
        RegoWasmPolicy compiled = compile(broken, ShippedBundle.dir());
        assertEquals(1, broken.loaded());
        assertEquals(1, broken.stored());
        FactsArbitraries.assertDecideAlike(ShippedBundle.wasm(), compiled);
        CompiledBundleCache again = CompiledBundleCache.in(cache);
        compile(again, ShippedBundle.dir());
        assertEquals(1, again.loaded());
        assertEquals(0, again.stored());
    }

    private List<Path> stored() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.toList();
        }
    }

    private static int lineOf(String text, String part) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError(part + " not in the text");
    }
}
