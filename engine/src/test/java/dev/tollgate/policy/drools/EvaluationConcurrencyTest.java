package dev.tollgate.policy.drools;

import dev.tollgate.facts.Facts;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PartialVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EvaluationConcurrencyTest {
    private static final List<Facts> SCENARIOS = List.of(
            TestFacts.request().subject("DE").entities("PERSON").categories("health").task("summarize", 300).build(),
            TestFacts.request().subject("FR").entities("PERSON", "IBAN_CODE", "PHONE_NUMBER").task("reasoning", 900).build(),
            TestFacts.request().useCase("credit_scoring").subject("ZZ").entities("PERSON").task("reasoning", 400).build(),
            TestFacts.request().useCase("social_scoring").task("classify", 50).build(),
            TestFacts.request().tenantResidency("DE").task("faq", 30).build(),
            TestFacts.request().tenantResidency("EU").task("haiku", 3000).latencyBudget(250).build());

    @Test
    void sameFactsGiveTheSameVerdicts() throws Exception {
        CompiledPolicy policy = ShippedPolicies.policy();
        for (Facts facts : SCENARIOS) {
            assertEquals(policy.evaluate(facts), policy.evaluate(facts));
        }
    }

    @Test
    void eightThreadsEvaluatingAtOnceGetTheSameVerdictsAsOne() throws Exception {
        CompiledPolicy policy = ShippedPolicies.policy();
        List<List<PartialVerdict>> expected = SCENARIOS.stream().map(policy::evaluate).toList();
        List<Callable<List<List<PartialVerdict>>>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(() -> {
                List<List<PartialVerdict>> seen = new ArrayList<>();
                for (int round = 0; round < 200; round++) {
                    Facts facts = SCENARIOS.get(round % SCENARIOS.size());
                    seen.add(policy.evaluate(facts));
                }
                return seen;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<List<List<PartialVerdict>>> result : pool.invokeAll(workers)) {
                List<List<PartialVerdict>> seen = result.get();
                for (int round = 0; round < seen.size(); round++) {
                    assertEquals(expected.get(round % SCENARIOS.size()), seen.get(round), "round " + round);
                }
            }
        }
    }

    /**
     * What the service does just after a start from compiled packs: many requests, each on a virtual thread, are
     * the first to evaluate constraints Drools compiles lazily. The hang needed every carrier pinned, which a test
     * cannot force: the JDK offers no scheduler of one or two carriers but a JVM-wide property. So this checks that
     * all answers come and are right; the timeout only ends a run that hangs.
     */
    @Test
    void twoHundredVirtualThreadsOnFreshlyLoadedPacksGetTheVerdictsOfOne(@TempDir Path packs) throws Exception {
        List<List<PartialVerdict>> expected;
        try (DroolsPolicyCompiler compiling = new DroolsPolicyCompiler(packs, 1)) {
            CompiledPolicy compiled = compiling.compile(ShippedPolicies.dir());
            expected = SCENARIOS.stream().map(compiled::evaluate).toList();
        }
        CompiledPackCache cache = CompiledPackCache.in(packs);
        try (DroolsPolicyCompiler loading = new DroolsPolicyCompiler(DroolsPolicyCompiler.SHIPPED_ID_PREFIXES, cache);
             ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            CompiledPolicy loaded = loading.compile(ShippedPolicies.dir());
            assertEquals(loaded.ruleCounts().size(), cache.loaded());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<PartialVerdict>>> answers = new ArrayList<>();
            for (int t = 0; t < 200; t++) {
                Facts facts = SCENARIOS.get(t % SCENARIOS.size());
                answers.add(virtual.submit(() -> {
                    go.await();
                    return loaded.evaluate(facts);
                }));
            }
            go.countDown();
            for (int t = 0; t < answers.size(); t++) {
                assertEquals(expected.get(t % SCENARIOS.size()), answers.get(t).get(5, TimeUnit.MINUTES), "thread " + t);
            }
        }
    }

    @Test
    void printsTheTimeOfOneFullEvaluation() throws Exception {
        CompiledPolicy policy = ShippedPolicies.policy();
        for (int i = 0; i < 20_000; i++) {
            policy.evaluate(SCENARIOS.get(i % SCENARIOS.size()));
        }
        int runs = 50_000;
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            policy.evaluate(SCENARIOS.get(i % SCENARIOS.size()));
        }
        double micros = (System.nanoTime() - start) / 1_000.0 / runs;
        System.out.printf("Drools: %.1f µs per evaluation of all %d packs (%d rules), one thread, after warm-up. "
                        + "Rerun: mvn -o -Dtollgate.build.dir=/tmp/build-drools test -Dtest=EvaluationConcurrencyTest%n",
                micros, policy.ruleCounts().size(), policy.ruleCounts().values().stream().mapToInt(Integer::intValue).sum());
    }
}
