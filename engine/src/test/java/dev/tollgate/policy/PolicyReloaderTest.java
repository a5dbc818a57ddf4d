package dev.tollgate.policy;

import dev.tollgate.policy.drools.DroolsPolicyCompiler;
import dev.tollgate.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyReloaderTest {
    private static final String RULE = """
            package test;
            import dev.tollgate.facts.*;
            global dev.tollgate.policy.drools.VerdictCollector verdict;

            rule "gdpr.art9.local-only"
                @basis("GDPR Art. 9(1)")
                @message("MESSAGE")
            when
                DataFacts( specialCategory )
            then
                verdict.cite(kcontext);
            end
            """;
    private static final String BROKEN = RULE.replace("DataFacts( specialCategory )", "DataFacts( specialCategory == )");

    @TempDir
    Path dir;

    private final AtomicInteger compilations = new AtomicInteger();
    private final PolicyCompiler compiler = policyDir -> {
        compilations.incrementAndGet();
        return new DroolsPolicyCompiler().compile(policyDir);
    };
    private final List<PolicyReloader.Activation> activations = new CopyOnWriteArrayList<>();
    private PolicyReloader reloader;

    @AfterEach
    void stop() {
        if (reloader != null) {
            reloader.close();
        }
    }

    private PolicyReloader started(Duration pollInterval) throws Exception {
        reloader = new PolicyReloader("drools", dir, compiler, pollInterval, activations::add);
        reloader.start();
        return reloader;
    }

    private void writeRule(String text) throws Exception {
        Files.createDirectories(dir.resolve("gdpr"));
        Files.writeString(dir.resolve("gdpr/gdpr.drl"), text);
    }

    @Test
    void startActivatesTheFirstVersion() throws Exception {
        writeRule(RULE.replace("MESSAGE", "first"));

        started(Duration.ofHours(1));

        assertEquals(1, activations.size());
        assertSame(reloader.current(), activations.getFirst().policy());
        assertEquals(List.of(Path.of("gdpr/gdpr.drl")), activations.getFirst().files());
        assertEquals(PackDigest.of(dir, PolicyFiles.list(dir)), reloader.current().digest());
    }

    @Test
    void startFailsWhenTheFirstVersionDoesNotCompile() throws Exception {
        writeRule(BROKEN);
        reloader = new PolicyReloader("drools", dir, compiler, Duration.ofHours(1), activations::add);

        PolicyLoadException e = assertThrows(PolicyLoadException.class, reloader::start);

        assertEquals("gdpr/gdpr.drl", e.problems().getFirst().file());
        assertEquals(List.of(), activations);
    }

    @Test
    void changedFileIsActivated() throws Exception {
        writeRule(RULE.replace("MESSAGE", "first"));
        String first = started(Duration.ofHours(1)).current().digest();

        writeRule(RULE.replace("MESSAGE", "second"));

        assertTrue(reloader.reloadNow());
        assertNotEquals(first, reloader.current().digest());
        assertEquals(2, activations.size());
        assertSame(reloader.current(), activations.getLast().policy());
    }

    @Test
    void unchangedDirectoryIsNotCompiledAgain() throws Exception {
        writeRule(RULE.replace("MESSAGE", "first"));
        started(Duration.ofHours(1));

        assertFalse(reloader.reloadNow());
        assertEquals(1, compilations.get());
    }

    @Test
    void brokenEditKeepsThePreviousVersionAndFixingItClearsTheProblems() throws Exception {
        writeRule(RULE.replace("MESSAGE", "first"));
        CompiledPolicy first = started(Duration.ofHours(1)).current();

        writeRule(BROKEN);

        assertFalse(reloader.reloadNow());
        assertSame(first, reloader.current());
        assertEquals("gdpr/gdpr.drl", reloader.lastProblems().getFirst().file());
        assertEquals(9, reloader.lastProblems().getFirst().line());
        assertTrue(reloader.lastProblems().getFirst().toString().startsWith("gdpr/gdpr.drl:9: "));

        assertFalse(reloader.reloadNow(), "the same broken version is not compiled again");
        assertEquals(2, compilations.get());
        assertEquals(1, reloader.failedReloads(), "one version failed, however often it is polled");

        writeRule(RULE.replace("MESSAGE", "fixed"));

        assertTrue(reloader.reloadNow());
        assertEquals(List.of(), reloader.lastProblems());
        assertNotEquals(first.digest(), reloader.current().digest());
        assertEquals(1, reloader.failedReloads());
    }

    @Test
    void revertingABrokenEditClearsTheProblemsWithoutANewVersion() throws Exception {
        writeRule(RULE.replace("MESSAGE", "first"));
        CompiledPolicy first = started(Duration.ofHours(1)).current();
        writeRule(BROKEN);
        reloader.reloadNow();

        writeRule(RULE.replace("MESSAGE", "first"));

        assertFalse(reloader.reloadNow());
        assertSame(first, reloader.current());
        assertEquals(List.of(), reloader.lastProblems());
    }

    @Test
    void pollingPicksUpAChangeWithoutATrigger() throws Exception {
        writeRule(RULE.replace("MESSAGE", "first"));
        String first = started(Duration.ofMillis(50)).current().digest();

        writeRule(RULE.replace("MESSAGE", "second"));

        Eventually.until("the change picked up by polling", Duration.ofSeconds(30), () -> reloader.current().digest(),
                digest -> !digest.equals(first));
        assertEquals(PackDigest.of(dir, PolicyFiles.list(dir)), reloader.current().digest());
    }
}
