package dev.tollgate.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.PostgresStore;
import dev.tollgate.testing.Command;
import dev.tollgate.testing.Eventually;
import dev.tollgate.testing.TestService;
import dev.tollgate.testing.TestStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.tollgate.testing.ProblemAssertions.assertProblem;
import static dev.tollgate.testing.ServiceProcess.freePort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker/compose.yaml runs three replicas on one PostgreSQL behind nginx (docker/nginx/tollgate.conf.template). No
 * Docker engine runs here, so the compose file's structure is checked as data, nginx itself checks the template
 * rendered with the environment compose gives it (Debian's nginx 1.22, scripts/nginx.sh), and the same template
 * balances three replicas on the test PostgreSQL on loopback: decisions made through it execute through it on other
 * replicas.
 */
class ReplicasBehindLoadBalancerTest {
    private static final Path ROOT = TestService.ROOT;
    private static final Path TEMPLATE = ROOT.resolve("docker/nginx/tollgate.conf.template");
    /** What the official image's entrypoint substitutes: ${NAME} and $NAME of a variable that is set. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");
    private static final List<String> REPLICAS = List.of("tollgate-1", "tollgate-2", "tollgate-3");
    private static final String KEY = "demo-support-bot";
    private static final String QUESTION = "When do you open?";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> services() throws IOException {
        return map(map(new Yaml().load(Files.readString(ROOT.resolve("docker/compose.yaml")))).get("services"));
    }

    @Test
    void composeRunsThreeReplicasOnOneStoreWithSharedKeysBehindTheLoadBalancer() throws IOException {
        Map<String, Object> services = services();
        Set<Object> dataVolumes = new HashSet<>();
        for (String replica : REPLICAS) {
            Map<String, Object> service = map(services.get(replica));
            Map<String, Object> env = map(service.get("environment"));
            assertEquals(replica, env.get("TOLLGATE_REPLICA_ID"));
            assertTrue(env.get("TOLLGATE_STORE").toString()
                    .matches("postgresql://tollgate:\\$\\{POSTGRES_PASSWORD:-[^}]+}@postgres:5432/tollgate"), replica);
            assertEquals("/etc/tollgate/signing/checkpoint-signing.pem", env.get("TOLLGATE_SIGNING_KEY_FILE"));
            List<?> volumes = (List<?>) service.get("volumes");
            assertTrue(volumes.contains("tollgate-keys:/var/lib/tollgate/keys"), replica + " shares the token keys");
            assertTrue(volumes.contains("tollgate-signing:/etc/tollgate/signing"), replica + " shares the signing key");
            assertTrue(volumes.contains(replica + "-data:/var/lib/tollgate"), replica + " has a data directory of its own");
            dataVolumes.add(replica + "-data");
        }
        assertEquals(3, dataVolumes.size());
        assertEquals(Map.of("postgres", Map.of("condition", "service_healthy"), "presidio",
                Map.of("condition", "service_started")), map(services.get("tollgate-1")).get("depends_on"));
        for (String later : REPLICAS.subList(1, 3)) {
            assertEquals(Map.of("tollgate-1", Map.of("condition", "service_healthy")),
                    map(services.get(later)).get("depends_on"), later + " starts once tollgate-1 has created the keys");
        }
        Map<String, Object> postgres = map(services.get("postgres"));
        assertEquals("tollgate", map(postgres.get("environment")).get("POSTGRES_USER"));
        assertEquals("tollgate", map(postgres.get("environment")).get("POSTGRES_DB"));
        assertTrue(postgres.containsKey("healthcheck"));

        Map<String, Object> lb = map(services.get("lb"));
        assertTrue(lb.get("image").toString().startsWith("nginx:1.22"), "the version the suite checks with");
        assertEquals(List.of("./nginx/tollgate.conf.template:/etc/nginx/templates/default.conf.template:ro"),
                lb.get("volumes"));
        for (String replica : REPLICAS) {
            assertEquals(Map.of("condition", "service_healthy"), map(map(lb.get("depends_on")).get(replica)),
                    "the balancer starts once " + replica + " is ready");
        }
        assertEquals(List.of("8080:8080"), lb.get("ports"));
        for (int i = 0; i < REPLICAS.size(); i++) {
            assertEquals(REPLICAS.get(i) + ":8080", map(lb.get("environment")).get("TOLLGATE_REPLICA_" + (i + 1)));
        }
        assertTrue(services.keySet().stream().noneMatch(name -> map(services.get(name)).containsKey("ports")
                && REPLICAS.contains(name)), "replicas are reached through the load balancer only");
        assertTrue(Files.readString(ROOT.resolve("docker/prometheus/prometheus.yml"))
                .contains("[\"tollgate-1:8080\", \"tollgate-2:8080\", \"tollgate-3:8080\"]"), "every replica is scraped");
    }

    @Test
    void nginxAcceptsItsTemplateRenderedWithTheEnvironmentComposeGivesIt(@TempDir Path dir) throws Exception {
        Map<String, String> env = new HashMap<>();
        // nginx resolves the replicas' names as it reads the configuration: Docker's DNS would give their
        // addresses; here they are all on loopback.
        map(map(services().get("lb")).get("environment")).forEach((name, value) ->
                env.put(name, value.toString().replaceFirst("^tollgate-[123]:", "127.0.0.1:")));

        Command check = Command.run(nginx(render(dir, env), "-t"));
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("test is successful"), check.output());

        env.remove("TOLLGATE_REPLICA_3");
        Command incomplete = Command.run(nginx(render(dir, env), "-t"));
        assertNotEquals(0, incomplete.exit(), "a replica without an address is refused: " + incomplete.output());
    }

    @Test
    void decisionsMadeThroughTheLoadBalancerExecuteThroughItOnOtherReplicas(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("TOLLGATE_SIGNING_KEY_FILE", dir.resolve("signing/key.pem").toString());
        List<TestService> replicas = new ArrayList<>();
        try (TestStore store = TestStore.create()) {
            try {
                for (String id : REPLICAS) {
                    Path data = Files.createDirectories(dir.resolve(id));
                    if (!replicas.isEmpty()) {
                        TestStore.shareKeys(dir.resolve(REPLICAS.getFirst()), data);
                    }
                    replicas.add(store.replica(id, data, env));
                }
                int port = freePort();
                Map<String, String> lbEnv = new HashMap<>(Map.of("TOLLGATE_LB_BIND", "127.0.0.1:" + port));
                for (int i = 0; i < replicas.size(); i++) {
                    lbEnv.put("TOLLGATE_REPLICA_" + (i + 1), "127.0.0.1:" + replicas.get(i).port());
                }
                Process lb = startNginx(render(dir.resolve("lb"), lbEnv));
                try {
                    URI base = URI.create("http://127.0.0.1:" + port);
                    awaitReady(base);
                    List<String> tokens = new ArrayList<>();
                    // Round robin: each execution goes to the replica after the one that decided.
                    for (int i = 0; i < REPLICAS.size(); i++) {
                        HttpResponse<String> decided = post(base, "/v1/decide", """
                                {"task": {"type": "faq"}, "input": {"messages": [{"role": "user", "content": "%s"}]}}"""
                                .formatted(QUESTION));
                        assertEquals(200, decided.statusCode(), decided.body());
                        String token = Json.MAPPER.readTree(decided.body()).path("token").asText();
                        HttpResponse<String> executed = post(base, "/v1/execute", executeBody(token));
                        assertEquals(200, executed.statusCode(), executed.body());
                        tokens.add(token);
                    }
                    assertProblem(post(base, "/v1/execute", executeBody(tokens.getFirst())), 409, "token-used");

                    Map<String, String> decidedOn = streamsOf(store, "decision");
                    Map<String, String> executedOn = streamsOf(store, "execution_started");
                    assertEquals(Set.copyOf(REPLICAS), Set.copyOf(decidedOn.values()), "every replica decided");
                    assertEquals(decidedOn.keySet(), executedOn.keySet());
                    decidedOn.forEach((decision, stream) -> assertNotEquals(stream, executedOn.get(decision),
                            "decision " + decision + " executed on another replica than the one that made it"));
                } finally {
                    lb.destroy();
                    lb.waitFor(10, TimeUnit.SECONDS);
                }
            } finally {
                replicas.forEach(TestService::close);
            }
        }
    }

    /**
     * The template rendered into dir as the official image does (only variables that are set), included in the http
     * block of a main configuration like the image's, with every path nginx writes under dir so that it runs as
     * any user. Returns the main configuration.
     */
    private static Path render(Path dir, Map<String, String> env) throws IOException {
        Files.createDirectories(dir);
        String rendered = VARIABLE.matcher(Files.readString(TEMPLATE)).replaceAll(variable ->
                Matcher.quoteReplacement(env.getOrDefault(variable.group(1), variable.group())));
        Files.writeString(dir.resolve("tollgate.conf"), rendered);
        String temp = Stream.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
                .map(kind -> "    %s_temp_path %s;%n".formatted(kind, dir.resolve(kind)))
                .collect(Collectors.joining());
        return Files.writeString(dir.resolve("nginx.conf"), """
                pid %s;
                error_log %s notice;
                events {}
                http {
                    access_log %s;
                %s    include %s;
                }
                """.formatted(dir.resolve("nginx.pid"), dir.resolve("error.log"), dir.resolve("access.log"), temp,
                dir.resolve("tollgate.conf")));
    }

    /** nginx (TOLLGATE_NGINX, else the one on the PATH: scripts/nginx.sh installs Debian's) on that configuration. */
    private static List<String> nginx(Path conf, String... arguments) {
        String configured = System.getenv("TOLLGATE_NGINX");
        String nginx = configured == null || configured.isBlank() ? "nginx" : configured;
        List<String> command = new ArrayList<>(List.of(nginx, "-p", conf.getParent().toString(),
                "-c", conf.toString(), "-e", conf.resolveSibling("error.log").toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    private static Process startNginx(Path conf) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(nginx(conf, "-g", "daemon off;"))
                .redirectErrorStream(true).redirectOutput(conf.resolveSibling("nginx.out").toFile());
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("nginx does not run (" + e.getMessage() + "): scripts/nginx.sh installs it,"
                    + " or set TOLLGATE_NGINX", e);
        }
    }

    private static void awaitReady(URI base) throws Exception {
        // nginx is ready in well under 1 s; the time-out is for a machine busy with other work.
        Eventually.until("the load balancer answering /health/ready with 200", Duration.ofSeconds(60),
                () -> send(HttpRequest.newBuilder(base.resolve("/health/ready")).GET().build()).statusCode(),
                status -> status == 200);
    }

    private static String executeBody(String token) throws IOException {
        ObjectNode body = (ObjectNode) Json.MAPPER.readTree("""
                {"input": {"messages": [{"role": "user", "content": "%s"}]}, "max_tokens": 8}""".formatted(QUESTION));
        body.put("token", token);
        return Json.MAPPER.writeValueAsString(body);
    }

    private static HttpResponse<String> post(URI base, String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A connection per request, so that nothing but the balancing decides where a request goes. */
    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Decision id -> the stream (replica) that logged its record of the type. */
    private static Map<String, String> streamsOf(TestStore store, String type) throws Exception {
        try (PostgresStore shared = PostgresStore.connect(store.url());
             Connection connection = shared.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select line::jsonb ->> 'decision_id', stream from log_records"
                     + " where line::jsonb ->> 'type' = '" + type + "'")) {
            Map<String, String> streams = new HashMap<>();
            while (rows.next()) {
                streams.put(rows.getString(1), rows.getString(2));
            }
            return streams;
        }
    }
}
