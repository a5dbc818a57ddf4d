package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for /v1/decide over loopback: a fixed corpus of prompts (with and without PII, five
 * languages) sent by N closed-loop workers over keep-alive connections; prints throughput and latency
 * percentiles. The client is a few lines of socket code so that it takes as little of the machine's CPU
 * as possible from the service it measures.
 */
final class BenchCommand {
    private static final int MAX_SAMPLES = 4_000_000;
    private BenchCommand() {
    }

    static int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--url", "--seconds", "--concurrency", "--warmup-seconds", "--key"),
                Set.of());
        URI url = URI.create(args.get("--url").orElse("http://127.0.0.1:8080") + "/v1/decide");
        int seconds = Integer.parseInt(args.get("--seconds").orElse("30"));
        int warmup = Integer.parseInt(args.get("--warmup-seconds").orElse("10"));
        int concurrency = Integer.parseInt(args.get("--concurrency").orElse("8"));
        String key = args.get("--key").orElse("demo-claims-assistant");
        List<byte[]> corpus = corpus();

        System.out.printf("bench: %s, %d workers, %d s warm-up, %d s measured, %d prompts%n",
                url, concurrency, warmup, seconds, corpus.size());
        drive(url, key, corpus, concurrency, warmup);
        Result result = drive(url, key, corpus, concurrency, seconds);
        result.print(seconds);
        return result.errors() == 0 ? 0 : 1;
    }

    record Result(long[] latenciesNanos, long errors) {
        void print(int seconds) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            System.out.printf("decisions: %d ok, %d errors%n", sorted.length, errors);
            System.out.printf("throughput: %.0f decisions/s%n", sorted.length / (double) seconds);
            System.out.printf("latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
                    percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    private static Result drive(URI url, String key, List<byte[]> corpus, int workers, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        List<byte[]> requests = corpus.stream().map(body -> LoopbackClient.request(url, key, body)).toList();
        List<long[]> perWorker = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                long[] latencies = new long[MAX_SAMPLES / workers];
                int[] count = new int[1];
                perWorker.add(latencies);
                counts.add(count);
                int offset = w;
                pool.submit(() -> {
                    int i = offset;
                    LoopbackClient client = null;
                    while (System.nanoTime() < deadline && count[0] < latencies.length) {
                        long start = System.nanoTime();
                        try {
                            if (client == null) {
                                client = new LoopbackClient(url);
                            }
                            int status = client.exchange(requests.get(i++ % requests.size()));
                            if (status == 200) {
                                latencies[count[0]++] = System.nanoTime() - start;
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                            client = null;
                        }
                    }
                    if (client != null) {
                        client.close();
                    }
                });
            }
        }
        long[] all = new long[counts.stream().mapToInt(c -> c[0]).sum()];
        int at = 0;
        for (int w = 0; w < workers; w++) {
            System.arraycopy(perWorker.get(w), 0, all, at, counts.get(w)[0]);
            at += counts.get(w)[0];
        }
        return new Result(all, errors.get());
    }

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> bodies = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                BenchCommand.class.getResourceAsStream("/bench/corpus.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    bodies.add(Json.MAPPER.writeValueAsBytes(request(Json.MAPPER.readTree(line))));
                }
            }
        }
        return bodies;
    }

    private static ObjectNode request(JsonNode entry) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("task").put("type", entry.get("task").asText());
        body.putObject("subject").put("country", entry.get("country").asText());
        body.putObject("input").putArray("messages").addObject()
                .put("role", "user").put("content", entry.get("text").asText());
        return body;
    }
}
