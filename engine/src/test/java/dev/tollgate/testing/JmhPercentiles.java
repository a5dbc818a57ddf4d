package dev.tollgate.testing;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;

import java.util.Collection;

/** Runs JMH sample-time benchmarks and prints each one's median, p90 and p99 on one line. */
public final class JmhPercentiles {
    private JmhPercentiles() {
    }

    public static void run(Options options) throws RunnerException {
        Collection<RunResult> results = new Runner(options).run();
        System.out.println();
        for (RunResult result : results) {
            var statistics = result.getPrimaryResult().getStatistics();
            System.out.printf("%-40s median %8.1f µs   p90 %8.1f µs   p99 %8.1f µs   (%d samples)%n",
                    result.getParams().getBenchmark(), statistics.getPercentile(50), statistics.getPercentile(90),
                    statistics.getPercentile(99), statistics.getN());
        }
    }
}
