package dev.tollgate.policy.drools;

import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.EngineException;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.PolicyLoadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drools never compiles or evaluates on a virtual thread: see {@link EvaluationThreads} for the hang that caused. */
class EvaluationThreadsTest {
    @TempDir
    Path dir;

    private CompiledPolicy policyThatDeniesOnAPlatformThread(DroolsPolicyCompiler compiler) throws Exception {
        PolicyDir.write(dir, "t/t.drl", PolicyDir.HEADER + """
                rule "t.on-platform-thread" @basis("B") @message("M")
                when eval( !Thread.currentThread().isVirtual() )
                then verdict.deny(kcontext); end
                """);
        return compiler.compile(dir);
    }

    private static <T> T onAVirtualThread(Callable<T> work) throws Exception {
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            return virtual.submit(work).get();
        }
    }

    @Test
    void anEvaluationAskedForByAVirtualThreadRunsOnAPlatformThread() throws Exception {
        try (DroolsPolicyCompiler compiler = new DroolsPolicyCompiler()) {
            CompiledPolicy policy = policyThatDeniesOnAPlatformThread(compiler);

            PartialVerdict verdict = onAVirtualThread(() -> policy.evaluate(TestFacts.request().build())).getFirst();

            assertEquals(List.of("t.on-platform-thread"), verdict.deniedBy());
        }
    }

    @Test
    void anEvaluationAskedForAfterTheEngineClosedIsAnEngineError() throws Exception {
        DroolsPolicyCompiler compiler = new DroolsPolicyCompiler();
        CompiledPolicy policy = policyThatDeniesOnAPlatformThread(compiler);
        compiler.close();

        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> onAVirtualThread(() -> policy.evaluate(TestFacts.request().build())));

        assertInstanceOf(EngineException.class, failure.getCause());
        assertEquals("drools evaluation rejected: the engine is closed", failure.getCause().getMessage());
    }

    @Test
    void anInterruptedWaitIsAnEngineErrorAndTheThreadStaysInterrupted() throws Exception {
        try (DroolsPolicyCompiler compiler = new DroolsPolicyCompiler()) {
            CompiledPolicy policy = policyThatDeniesOnAPlatformThread(compiler);

            String seen = onAVirtualThread(() -> {
                Thread.currentThread().interrupt();
                EngineException e = assertThrows(EngineException.class, () -> policy.evaluate(TestFacts.request().build()));
                return e.getMessage() + ", interrupted: " + Thread.currentThread().isInterrupted();
            });

            assertEquals("drools evaluation interrupted, interrupted: true", seen);
        }
    }

    @Test
    void aRuleFailureReachesTheVirtualThreadAsTheSameException() throws Exception {
        PolicyDir.write(dir, "t/t.drl", PolicyDir.HEADER + """
                rule "t.broken" @basis("B") @message("M")
                when then verdict.escalateBelow(kcontext, 0.5); end
                """);
        try (DroolsPolicyCompiler compiler = new DroolsPolicyCompiler()) {
            CompiledPolicy policy = compiler.compile(dir);
            RuntimeException onPlatform = assertThrows(RuntimeException.class, () -> policy.evaluate(TestFacts.request().build()));

            RuntimeException onVirtual = onAVirtualThread(
                    () -> assertThrows(RuntimeException.class, () -> policy.evaluate(TestFacts.request().build())));

            assertEquals(onPlatform.getClass(), onVirtual.getClass());
            assertTrue(onVirtual.getMessage().contains("t.broken"), onVirtual.getMessage());
        }
    }

    /** A compilation runs none of the test's code: that it fails once the engine's threads are gone shows where it runs. */
    @Test
    void aCompilationAskedForByAVirtualThreadRunsOnTheEnginesThreads() throws Exception {
        PolicyDir.write(dir, "t/t.drl", PolicyDir.HEADER + """
                rule "t.any" @basis("B") @message("M")
                when then verdict.deny(kcontext); end
                """);
        DroolsPolicyCompiler compiler = new DroolsPolicyCompiler();
        assertEquals(List.of("t.any"), onAVirtualThread(() -> compiler.compile(dir)).rules().get("t"));
        compiler.close();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> onAVirtualThread(() -> compiler.compile(dir)));

        assertInstanceOf(EngineException.class, failure.getCause());
        assertEquals("drools compilation rejected: the engine is closed", failure.getCause().getMessage());
        assertEquals(List.of("t.any"), compiler.compile(dir).rules().get("t"), "a platform thread compiles on itself");
    }

    @Test
    void aPackThatDoesNotCompileReachesTheVirtualThreadAsTheSameProblems() throws Exception {
        PolicyDir.write(dir, "t/t.drl", PolicyDir.HEADER + """
                rule "t.broken" @basis("B") @message("M")
                when Nonsense() then verdict.deny(kcontext); end
                """);
        try (DroolsPolicyCompiler compiler = new DroolsPolicyCompiler()) {
            PolicyLoadException onPlatform = assertThrows(PolicyLoadException.class, () -> compiler.compile(dir));

            PolicyLoadException onVirtual = onAVirtualThread(
                    () -> assertThrows(PolicyLoadException.class, () -> compiler.compile(dir)));

            assertEquals(onPlatform.problems(), onVirtual.problems());
            assertEquals("t/t.drl", onVirtual.problems().getFirst().file());
        }
    }
}
