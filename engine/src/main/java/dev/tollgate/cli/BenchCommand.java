package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator over loopback: N closed-loop workers, each on its own keep-alive connection; with
 * {@code --rate R}, open loops instead: the workers start R requests per second between them on a fixed schedule,
 * and each latency counts from when the request was due (as wrk2 -R measures).
 * <ul>
 *   <li>{@code --mode decide} (the default): /v1/decide with a fixed corpus of prompts (with and without PII,
 *       five languages); prints decisions/s and latency percentiles.</li>
 *   <li>{@code --mode execute}: /v1/decide, then /v1/execute with the decision's token and {@code --max-tokens}
 *       (16 by default), with short FAQ questions (with and without PII) that the routing policy sends to the
 *       on-device model; a decision other than allow on slm-local counts as an error. Prints executions/s,
 *       end-to-end and decide latency, completion tokens/s, and the gateway overhead the service measured
 *       itself ({@code tollgate_execute_overhead_seconds}, scraped before and after the measured window, so
 *       the warm-up is left out).</li>
 *   <li>{@code --mode opa}: a bare OPA server for comparison: {@code --facts FILE} holds facts documents, one a
 *       line (as the decision log records them), each posted in turn as {@code {"input": facts}} to the Data API
 *       path {@code --query}, which should return every pack's verdict; an answer without a result is an
 *       error.</li>
 * </ul>
 * The client is a few lines of socket code so that it takes as little of the machine's CPU as possible from
 * the service it measures.
 */
@Command(name = "bench", description = {"Load-tests the service over loopback with closed-loop workers, each on its "
        + "own keep-alive connection, and prints throughput and latency percentiles (docs/benchmarks.md).",
        "--mode decide: /v1/decide; execute: /v1/decide then /v1/execute on the on-device model, with the gateway "
        + "overhead; opa: a bare OPA server queried with --facts at --query, for comparison. Exit 1 when a request "
        + "failed."})
final class BenchCommand implements Callable<Integer> {
    private static final String SLM = "slm-local";
    private static final String OVERHEAD = "tollgate_execute_overhead_seconds";
    /** Questions the routing policy answers on the device (FAQ, short); every other one carries personal data. */
    private static final String FAQ_CORPUS = """
            {"task":"faq","country":"DE","text":"What are the opening hours of your customer service on public holidays?"}
            {"task":"faq","country":"US","text":"How do I update the email address on my policy? My current one is jane.doe@example.com."}
            {"task":"faq","country":"DE","text":"How do I report a broken window to my home insurance?"}
            {"task":"faq","country":"DE","text":"Hi, this is Tom Becker, my phone is +49 30 1234567. When will my claim be paid?"}
            {"task":"faq","country":"IE","text":"Can I pay my premium monthly instead of yearly?"}
            {"task":"faq","country":"DE","text":"My IBAN is DE89 3704 0044 0532 0130 00. Can I change the account my premium is paid from?"}
            {"task":"faq","country":"FR","text":"Comment puis-je changer mon adresse postale ?"}
            {"task":"faq","country":"GB","text":"My name is Sarah Collins and my policy number is 55120. How do I add a second driver?"}
            """;

    @Spec
    CommandSpec spec;
    @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080",
            description = "the service (default: ${DEFAULT-VALUE})")
    String base;
    @Option(names = "--seconds", paramLabel = "N", defaultValue = "30",
            description = "the measured time (default: ${DEFAULT-VALUE})")
    int seconds;
    @Option(names = "--warmup-seconds", paramLabel = "N", defaultValue = "10",
            description = "the warm-up before it, not measured (default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "the workers (default: ${DEFAULT-VALUE})")
    int concurrency;
    @Option(names = "--key", paramLabel = "KEY", defaultValue = "demo-claims-assistant",
            description = "the application's API key (default: ${DEFAULT-VALUE})")
    String key;
    @Option(names = "--mode", paramLabel = "decide|execute|opa", defaultValue = "decide",
            description = "what each worker does (default: ${DEFAULT-VALUE})")
    String mode;
    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "16",
            description = "execute: the completion tokens asked for (default: ${DEFAULT-VALUE})")
    int maxTokens;
    @Option(names = "--facts", paramLabel = "FILE",
            description = "opa: facts documents, one a line, as the decision log records them")
    Path factsFile;
    @Option(names = "--query", paramLabel = "PATH", defaultValue = "/v1/data/tollgate/bench/verdicts",
            description = "opa: the Data API path that returns every pack's verdict (default: ${DEFAULT-VALUE})")
    String query;
    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "open loops: R requests per second between the workers on a fixed schedule, each latency "
                    + "from when its request was due, as wrk2 -R (default: closed loops)")
    double rate;

    @Override
    public Integer call() throws Exception {
        URI decide = URI.create(base + "/v1/decide");
        Iteration iteration;
        List<ObjectNode> corpus;
        switch (mode) {
            case "decide" -> {
                corpus = corpus(new InputStreamReader(BenchCommand.class.getResourceAsStream("/bench/corpus.jsonl"),
                        StandardCharsets.UTF_8));
                iteration = decideOnly(decide, key, corpus);
            }
            case "execute" -> {
                corpus = corpus(new StringReader(FAQ_CORPUS));
                iteration = decideThenExecute(decide, URI.create(base + "/v1/execute"), key, corpus, maxTokens);
            }
            case "opa" -> {
                if (factsFile == null) {
                    throw new ParameterException(spec.commandLine(), "--mode opa needs --facts FILE");
                }
                decide = URI.create(base + query);
                corpus = facts(factsFile);
                iteration = opaQuery(decide, corpus);
            }
            default -> throw new ParameterException(spec.commandLine(), "--mode must be decide, execute or opa");
        }

        System.out.printf("bench %s: %s, %d workers, %d s warm-up, %d s measured, %d prompts%s%n",
                mode, base, concurrency, warmup, seconds, corpus.size(),
                rate > 0 ? String.format(", offered %.0f/s (open loop, latency from each request's scheduled time)",
                        rate) : "");
        long interval = rate > 0 ? Math.round(concurrency * 1e9 / rate) : 0;
        drive(decide, concurrency, warmup, iteration, interval);
        URI metrics = URI.create(base + "/metrics");
        Histogram before = "execute".equals(mode) ? Histogram.scrape(metrics, OVERHEAD) : null;
        Result result = drive(decide, concurrency, seconds, iteration, interval);
        if (before == null) {
            result.print("opa".equals(mode) ? "queries" : "decisions", "latency ms");
        } else {
            result.print("executions", "end-to-end latency ms (decide + execute)");
            System.out.println(Samples.summary("decide latency ms", result.total().decideLatencies));
            System.out.printf("completion tokens: %d, %.1f tokens/s%n", result.total().completionTokens,
                    result.total().completionTokens / result.seconds());
            Histogram.scrape(metrics, OVERHEAD).minus(before).printOverhead();
        }
        return result.total().errors.isEmpty() ? 0 : 1;
    }

    /** One closed-loop iteration of a worker: its request(s) over the worker's connection. */
    private interface Iteration {
        /** @return null when it succeeded, else what went wrong: counted as an error under that name */
        String run(LoopbackClient client, int index, Tally tally) throws IOException;
    }

    private static Iteration decideOnly(URI decide, String key, List<ObjectNode> corpus) throws IOException {
        List<byte[]> requests = requests(decide, key, corpus);
        return (client, index, tally) -> {
            int status = client.exchange(requests.get(index % requests.size())).status();
            return status == 200 ? null : "decide HTTP " + status;
        };
    }

    private static Iteration opaQuery(URI query, List<ObjectNode> inputs) throws IOException {
        List<byte[]> requests = requests(query, "", inputs);
        return (client, index, tally) -> {
            LoopbackClient.Response answer = client.exchange(requests.get(index % requests.size()));
            if (answer.status() != 200) {
                return "query HTTP " + answer.status();
            }
            // An undefined document is answered 200 with {} (or only a decision id).
            return new String(answer.body(), StandardCharsets.ISO_8859_1).contains("\"result\"") ? null : "no result";
        };
    }

    private static Iteration decideThenExecute(URI decide, URI execute, String key, List<ObjectNode> corpus,
                                               int maxTokens) throws IOException {
        List<byte[]> requests = requests(decide, key, corpus);
        return (client, index, tally) -> {
            int i = index % requests.size();
            long start = System.nanoTime();
            LoopbackClient.Response decided = client.exchange(requests.get(i));
            if (decided.status() != 200) {
                return "decide " + problem(decided);
            }
            tally.decideLatencies.add(System.nanoTime() - start);
            JsonNode decision = Json.MAPPER.readTree(decided.body());
            String route = decision.path("effect").asText() + " " + decision.path("route").path("destination").asText();
            if (!route.equals("allow " + SLM)) {
                return "decided " + route.strip();
            }
            ObjectNode body = Json.MAPPER.createObjectNode()
                    .put("token", decision.path("token").asText())
                    .put("max_tokens", maxTokens);
            body.set("input", corpus.get(i).get("input"));
            LoopbackClient.Response executed = client.exchange(
                    LoopbackClient.request(execute, key, Json.MAPPER.writeValueAsBytes(body)));
            if (executed.status() != 200) {
                return "execute " + problem(executed);
            }
            JsonNode execution = Json.MAPPER.readTree(executed.body());
            if (!SLM.equals(execution.path("destination").asText())) {
                return "executed on " + execution.path("destination").asText();
            }
            tally.completionTokens += execution.path("completion_tokens").asLong();
            return null;
        };
    }

    /** "HTTP 503 destination-unavailable": the status and the last part of the problem type, when there is one. */
    private static String problem(LoopbackClient.Response response) {
        String type = "";
        try {
            type = Json.MAPPER.readTree(response.body()).path("type").asText();
        } catch (IOException e) {
            // Not a problem document: the status alone says what went wrong.
        }
        return ("HTTP " + response.status() + " " + type.substring(type.lastIndexOf('/') + 1)).strip();
    }

    /**
     * @param interval 0 for closed loops; otherwise each worker starts a request every interval nanoseconds (the
     *                 workers staggered), as wrk2 does: a request's latency counts from when it was due, so a slow
     *                 answer also delays the requests queued behind it (no coordinated omission)
     */
    private static Result drive(URI server, int workers, int seconds, Iteration iteration, long interval)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        List<Tally> tallies = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                Tally tally = new Tally();
                tallies.add(tally);
                int offset = w;
                long first = start + interval * w / workers;
                pool.submit(() -> work(server, offset, first, interval, deadline, iteration, tally));
            }
        }
        Tally total = new Tally();
        tallies.forEach(total::add);
        return new Result(total, (System.nanoTime() - start) / 1e9);
    }

    private static void work(URI server, int offset, long first, long interval, long deadline, Iteration iteration,
                             Tally tally) {
        LoopbackClient client = null;
        for (int i = offset, k = 0; (interval == 0 ? System.nanoTime() : first + k * interval) < deadline; i++, k++) {
            long start = System.nanoTime();
            if (interval > 0) {
                start = first + k * interval;
                for (long wait = start - System.nanoTime(); wait > 0; wait = start - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            String error;
            try {
                if (client == null) {
                    client = new LoopbackClient(server);
                }
                error = iteration.run(client, i, tally);
            } catch (IOException e) {
                error = "I/O " + e.getMessage();
                if (client != null) {
                    client.close();
                }
                client = null;
            }
            if (error == null) {
                tally.latencies.add(System.nanoTime() - start);
            } else {
                tally.errors.merge(error, 1L, Long::sum);
            }
        }
        if (client != null) {
            client.close();
        }
    }

    /** What the workers measured, and how long they took (the last iterations end after the deadline). */
    record Result(Tally total, double seconds) {
        void print(String noun, String latencyLabel) {
            System.out.printf("%s: %d ok, %d errors%s%n", noun, total.latencies.size,
                    total.errors.values().stream().mapToLong(Long::longValue).sum(),
                    total.errors.isEmpty() ? "" : " " + total.errors);
            System.out.printf("throughput: %.1f %s/s over %.1f s%n", total.latencies.size / seconds, noun, seconds);
            System.out.println(Samples.summary(latencyLabel, total.latencies));
        }
    }

    /** What one worker counted; the workers' tallies are added up at the end. */
    static final class Tally {
        final Samples latencies = new Samples();
        final Samples decideLatencies = new Samples();
        final Map<String, Long> errors = new TreeMap<>();
        long completionTokens;

        void add(Tally other) {
            latencies.add(other.latencies);
            decideLatencies.add(other.decideLatencies);
            other.errors.forEach((error, count) -> errors.merge(error, count, Long::sum));
            completionTokens += other.completionTokens;
        }
    }

    /** Latencies in nanoseconds. */
    static final class Samples {
        private long[] nanos = new long[1024];
        private int size;

        void add(long value) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = value;
        }

        void add(Samples other) {
            for (int i = 0; i < other.size; i++) {
                add(other.nanos[i]);
            }
        }

        static String summary(String label, Samples samples) {
            long[] sorted = Arrays.copyOf(samples.nanos, samples.size);
            Arrays.sort(sorted);
            return String.format("%s: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f", label, percentile(sorted, 50),
                    percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    /** A Prometheus histogram without labels: cumulative counts by bucket upper bound ("le"), sum and count. */
    record Histogram(NavigableMap<Double, Double> buckets, double sum, double count) {
        private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

        static Histogram scrape(URI metrics, String name) throws IOException, InterruptedException {
            NavigableMap<Double, Double> buckets = new TreeMap<>();
            double sum = 0;
            double count = 0;
            try (HttpClient http = HttpClient.newHttpClient()) {
                for (String line : http.send(HttpRequest.newBuilder(metrics).build(),
                        HttpResponse.BodyHandlers.ofLines()).body().toList()) {
                    Matcher le = LE.matcher(line);
                    if (line.startsWith(name + "_bucket") && le.find()) {
                        buckets.put(Double.parseDouble(le.group(1).replace("+Inf", "Infinity")), value(line));
                    } else if (line.startsWith(name + "_sum")) {
                        sum = value(line);
                    } else if (line.startsWith(name + "_count")) {
                        count = value(line);
                    }
                }
            }
            if (buckets.isEmpty()) {
                throw new IOException(metrics + " has no histogram " + name);
            }
            return new Histogram(buckets, sum, count);
        }

        private static double value(String line) {
            return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }

        Histogram minus(Histogram before) {
            NavigableMap<Double, Double> difference = new TreeMap<>();
            buckets.forEach((le, n) -> difference.put(le, n - before.buckets.getOrDefault(le, 0.0)));
            return new Histogram(difference, sum - before.sum, count - before.count);
        }

        /**
         * The q-quantile as Prometheus' histogram_quantile estimates it: the bucket that holds it, and a linear
         * interpolation between that bucket's bounds (the first bucket's lower bound is 0).
         *
         * @return {estimate, bucket upper bound}
         */
        double[] quantile(double q) {
            double rank = q * count;
            double lower = 0;
            double below = 0;
            for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
                if (bucket.getValue() >= rank && bucket.getValue() > below) {
                    double upper = bucket.getKey();
                    if (Double.isInfinite(upper)) {
                        return new double[]{lower, upper};
                    }
                    return new double[]{lower + (upper - lower) * (rank - below) / (bucket.getValue() - below), upper};
                }
                lower = bucket.getKey();
                below = bucket.getValue();
            }
            return new double[]{Double.NaN, Double.NaN};
        }

        void printOverhead() {
            StringBuilder line = new StringBuilder(String.format("gateway overhead ms, service side (%s, %.0f "
                    + "executions of the measured window; linear within the bucket, [its upper bound]):",
                    OVERHEAD, count));
            for (double q : new double[]{0.50, 0.95, 0.99}) {
                double[] estimate = quantile(q);
                line.append(String.format("  p%.0f %.2f [%.2f]", q * 100, estimate[0] * 1e3, estimate[1] * 1e3));
            }
            System.out.println(line.append(String.format("  mean %.2f", count == 0 ? 0 : sum / count * 1e3)));
        }
    }

    private static List<byte[]> requests(URI url, String key, List<ObjectNode> bodies) throws IOException {
        List<byte[]> requests = new ArrayList<>();
        for (ObjectNode body : bodies) {
            requests.add(LoopbackClient.request(url, key, Json.MAPPER.writeValueAsBytes(body)));
        }
        return requests;
    }

    /** /v1/decide bodies from JSON lines of task, country and text. */
    private static List<ObjectNode> corpus(Reader source) throws IOException {
        List<ObjectNode> bodies = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(source)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    bodies.add(request(Json.MAPPER.readTree(line)));
                }
            }
        }
        return bodies;
    }

    /** OPA Data API bodies {"input": facts} from a file of facts documents, one a line. */
    private List<ObjectNode> facts(Path file) throws IOException {
        List<ObjectNode> bodies = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                ObjectNode body = Json.MAPPER.createObjectNode();
                body.set("input", Json.MAPPER.readTree(line));
                bodies.add(body);
            }
        }
        if (bodies.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--facts " + file + " holds no facts document");
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
