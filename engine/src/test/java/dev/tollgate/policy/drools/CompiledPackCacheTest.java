package dev.tollgate.policy.drools;

import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;
import dev.tollgate.policy.rego.FactsArbitraries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompiledPackCacheTest {
    private static final int PACKS = 5;

    @TempDir
    Path cache;
    @TempDir
    Path policies;

    private CompiledPolicy compile(CompiledPackCache packs, Path dir) throws PolicyLoadException {
        return new DroolsPolicyCompiler(DroolsPolicyCompiler.SHIPPED_ID_PREFIXES, packs).compile(dir);
    }

    @Test
    void unchangedPacksAreLoadedAndDecideEveryGeneratedDocumentAsCompiledOnes() throws PolicyLoadException {
        CompiledPackCache first = CompiledPackCache.in(cache);
        CompiledPolicy compiled = compile(first, ShippedPolicies.dir());
        CompiledPackCache second = CompiledPackCache.in(cache);
        CompiledPolicy loaded = compile(second, ShippedPolicies.dir());

        assertEquals(0, first.loaded());
        assertEquals(PACKS, second.loaded());
        assertEquals(compiled.digest(), loaded.digest());
        assertEquals(compiled.rules(), loaded.rules());
        FactsArbitraries.assertDecideAlike(compiled, loaded);
    }

    @Test
    void aChangedPackIsCompiledAgainAndItsErrorsNamedWithFileAndLine() throws IOException, PolicyLoadException {
        copyShippedPolicies();
        int gdprRules = compile(CompiledPackCache.in(cache), policies).ruleCounts().get("gdpr");
        Path gdpr = policies.resolve("gdpr/gdpr.drl");
        String shipped = Files.readString(gdpr);
        long lines = shipped.lines().count();
        Files.writeString(gdpr, "\n" + PolicyDir.SYNTAX_ERROR_RULE, StandardOpenOption.APPEND);

        CompiledPackCache broken = CompiledPackCache.in(cache);
        List<PolicyProblem> problems = assertThrows(PolicyLoadException.class,
                () -> compile(broken, policies)).problems();
        assertEquals("gdpr/gdpr.drl", problems.getFirst().file(), problems::toString);
        assertEquals(lines + 6, problems.getFirst().line(), problems::toString);

        Files.writeString(gdpr, shipped + """

                rule "gdpr.added"
                    @basis("GDPR Art. 9(1)")
                    @message("Added")
                when
                    DataFacts( specialCategory )
                then
                    verdict.cite(kcontext);
                end
                """);
        CompiledPackCache changed = CompiledPackCache.in(cache);
        assertEquals(gdprRules + 1, compile(changed, policies).ruleCounts().get("gdpr"));
        assertEquals(PACKS - 1, changed.loaded());
    }

    @Test
    void aStoredPackThatCannotBeReadIsCompiledOverAndStoredAgain() throws IOException, PolicyLoadException {
        CompiledPolicy compiled = compile(CompiledPackCache.in(cache), ShippedPolicies.dir());
        try (Stream<Path> stored = Files.list(cache)) {
            List<Path> files = stored.toList();
            assertEquals(PACKS, files.size(), files::toString);
            for (Path file : files) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }

        CompiledPackCache unreadable = CompiledPackCache.in(cache);
        assertEquals(compiled.rules(), compile(unreadable, ShippedPolicies.dir()).rules());
        assertEquals(0, unreadable.loaded());
        CompiledPackCache rewritten = CompiledPackCache.in(cache);
        compile(rewritten, ShippedPolicies.dir());
        assertEquals(PACKS, rewritten.loaded());
    }

    private void copyShippedPolicies() throws IOException {
        Path shipped = ShippedPolicies.dir();
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = policies.resolve(shipped.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }
}
