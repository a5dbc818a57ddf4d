package dev.tollgate.policy.rego;

import dev.tollgate.facts.Facts;
import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PartialVerdict;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.drools.DroolsPolicyCompiler;
import dev.tollgate.testing.JmhPercentiles;
import dev.tollgate.testing.OpaServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One full evaluation of all four packs (GDPR, AI Act, residency, routing) for one facts document, with
 * embedded Rego (Wasm) and with Drools, in the same run. Target: Rego median at most 100 µs.
 *
 * <p>Build with annotation processing on (JMH generates its harness), then run this main:
 * <pre>
 * cd engine &amp;&amp; mvn -B -q -o -Dtollgate.build.dir=/tmp/build-rego -Dmaven.compiler.proc=full \
 *     test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/build-rego/cp.txt
 * java -cp /tmp/build-rego/test-classes:/tmp/build-rego/classes:$(cat /tmp/build-rego/cp.txt) \
 *     -Dtollgate.root=.. dev.tollgate.policy.rego.RegoBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RegoBenchmark {
    private static final int DOCUMENTS = 64;

    private CompiledPolicy rego;
    private CompiledPolicy drools;
    private List<Facts> documents;
    private int next;

    @Setup(Level.Trial)
    public void load() throws PolicyLoadException {
        rego = new RegoWasmCompiler(OpaServer.binary(), Runtime.getRuntime().availableProcessors())
                .compile(OpaServer.root().resolve("opa-bundles/tollgate"));
        drools = new DroolsPolicyCompiler().compile(OpaServer.root().resolve("policies"));
        documents = FactsArbitraries.facts().sampleStream().limit(DOCUMENTS).toList();
    }

    private Facts nextDocument() {
        next = (next + 1) % DOCUMENTS;
        return documents.get(next);
    }

    @Benchmark
    public List<PartialVerdict> regoWasm() {
        return rego.evaluate(nextDocument());
    }

    @Benchmark
    public List<PartialVerdict> drools() {
        return drools.evaluate(nextDocument());
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(RegoBenchmark.class.getName() + "\\.")
                .jvmArgsAppend("-Dtollgate.root=" + OpaServer.root(), "-D" + OpaBinary.PROPERTY + "=" + OpaServer.binary().path())
                .build();
        JmhPercentiles.run(options);
    }
}
