package dev.tollgate.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.Json;
import dev.tollgate.testing.Command;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The image cannot be built here (no Docker engine), so its Dockerfile is linted by hadolint and checked for what
 * a build or a start would trip over: base images pinned by tag, a Go new enough for OPA's go.mod, every file it
 * copies present and inside the build context, the port it exposes the one the service listens on, the health
 * check and entry point the scripts the suite runs (ImageScriptsTest), a user that is not root.
 */
class DockerfileTest {
    private static final Path ROOT = TestService.ROOT;
    private static List<String> instructions;

    @BeforeAll
    static void read() throws IOException {
        // One instruction per entry: continuation lines joined, comments dropped.
        String text = Files.readString(ROOT.resolve("docker/Dockerfile")).replaceAll("(?m)^\\s*#.*\\n", "")
                .replaceAll("\\\\\\n\\s*", " ");
        instructions = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void hadolintFindsNothingInEitherDockerfile() throws Exception {
        Path hadolint = Command.lintTools().resolve("hadolint");
        Command lint = Command.run(List.of(hadolint.toString(), "--no-color", "docker/Dockerfile",
                "docker/presidio/Dockerfile"));
        assertEquals(0, lint.exit(), lint.output());
        assertEquals("", lint.output().strip());
    }

    @Test
    void everyBaseImageIsPinnedByATag() {
        List<String> images = arguments("FROM").stream().map(from -> from.split("\\s+")[0]).toList();
        assertEquals(4, images.size(), images.toString());
        for (String image : images) {
            assertTrue(image.matches("[a-z0-9./-]+:[0-9][\\w.-]*|[a-z0-9./-]+:[0-9][\\w.-]*-[a-z]+[\\w.-]*"),
                    "not pinned by a version tag: " + image);
        }
    }

    @Test
    void theGoStageSatisfiesTheGoDirectiveOfThePinnedOpa() throws Exception {
        String from = arguments("FROM").stream().filter(image -> image.startsWith("golang:")).findFirst().orElseThrow();
        Matcher tag = Pattern.compile("golang:(\\d+)\\.(\\d+)").matcher(from);
        assertTrue(tag.lookingAt(), from);
        Matcher pinned = Pattern.compile("OPA_VERSION=\"(v[0-9.]+)\"")
                .matcher(Files.readString(ROOT.resolve("scripts/opa.sh")));
        assertTrue(pinned.find());
        // The module's go.mod, from the module cache scripts/opa.sh fills (downloaded when missing).
        Command download = Command.run(List.of("go", "mod", "download", "-json",
                "github.com/open-policy-agent/opa@" + pinned.group(1)), Map.of(
                "GOMODCACHE", ROOT.resolve(".cache/go/mod").toString(), "GOPATH", ROOT.resolve(".cache/go").toString(),
                "GOFLAGS", "-modcacherw"));
        assertEquals(0, download.exit(), download.output());
        JsonNode module = Json.MAPPER.readTree(download.output());
        Matcher go = Pattern.compile("(?m)^go (\\d+)\\.(\\d+)").matcher(Files.readString(Path.of(module.get("GoMod").asText())));
        assertTrue(go.find());
        int[] image = {Integer.parseInt(tag.group(1)), Integer.parseInt(tag.group(2))};
        int[] needed = {Integer.parseInt(go.group(1)), Integer.parseInt(go.group(2))};
        assertTrue(Arrays.compare(image, needed) >= 0, from + " cannot build OPA " + pinned.group(1)
                + ", whose go.mod asks for go " + needed[0] + "." + needed[1]);
    }

    @Test
    void everyCopiedFileIsInTheRepositoryAndInTheBuildContext() throws IOException {
        List<PathMatcher> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(pattern -> FileSystems.getDefault().getPathMatcher("glob:" + pattern)).toList();
        List<String> sources = new ArrayList<>();
        for (String copy : arguments("COPY")) {
            if (copy.startsWith("--from=")) {
                continue;
            }
            List<String> words = List.of(copy.split("\\s+"));
            sources.addAll(words.subList(0, words.size() - 1));
        }
        assertTrue(sources.contains("docker/entrypoint.sh") && sources.contains("opa-bundles"), sources.toString());
        for (String source : sources) {
            assertTrue(Files.exists(ROOT.resolve(source)), "COPY names a missing file: " + source);
            for (Path part = Path.of(source); part != null; part = part.getParent()) {
                Path checked = part;
                assertFalse(ignored.stream().anyMatch(m -> m.matches(checked)),
                        "COPY names a file .dockerignore leaves out of the build context: " + source);
            }
        }
        for (String excluded : List.of(".cache", ".git", "engine/target")) {
            assertTrue(ignored.stream().anyMatch(m -> m.matches(Path.of(excluded))), excluded + " is sent to the build");
        }
    }

    @Test
    void theExposedPortIsTheOneTheServiceListensOnOnEveryInterface() {
        String env = String.join(" ", arguments("ENV"));
        assertEquals(List.of("8080"), arguments("EXPOSE"));
        assertTrue(env.contains("TOLLGATE_PORT=8080"), env);
        assertTrue(env.contains("TOLLGATE_HOST=0.0.0.0"), env);
    }

    @Test
    void theHealthcheckAndEntrypointAreTheScriptsTheSuiteRuns() {
        assertEquals(1, arguments("HEALTHCHECK").size());
        assertTrue(arguments("HEALTHCHECK").getFirst().endsWith("CMD [\"/opt/tollgate/healthcheck.sh\"]"));
        assertEquals(List.of("[\"/opt/tollgate/entrypoint.sh\"]"), arguments("ENTRYPOINT"));
        assertTrue(arguments("WORKDIR").getLast().equals("/opt/tollgate"));
        assertTrue(arguments("COPY").contains("docker/entrypoint.sh docker/healthcheck.sh ./"));
        assertTrue(Files.isExecutable(ROOT.resolve("docker/entrypoint.sh")));
        assertTrue(Files.isExecutable(ROOT.resolve("docker/healthcheck.sh")));
    }

    /** ner.bin embeds faker's names (MIT) and gender-guesser's and GeoNames' data: their terms ship beside it. */
    @Test
    void theNerModelShipsWithTheSourcesAndLicenceOfTheDataItEmbeds() throws IOException {
        String downloads = String.join(" ", arguments("RUN"));
        assertTrue(downloads.contains("cp \"$knowledge/SOURCES\" /src/licences/"), downloads);
        assertTrue(downloads.contains("faker-*.whl > /src/licences/"), downloads);
        assertTrue(arguments("COPY").contains("--from=downloads /src/licences/ ./models/"), arguments("COPY").toString());
        assertTrue(Files.readString(ROOT.resolve("scripts/knowledge.sh")).contains("cat > \"$PARTIAL/SOURCES\""));
    }

    @Test
    void theServiceRunsAsAUserThatIsNotRoot() {
        String user = arguments("USER").getLast();
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:") || user.startsWith("root:"), user);
        int lastFrom = lastIndexOf("FROM ");
        int lastUser = lastIndexOf("USER ");
        assertTrue(lastUser > lastFrom, "the last stage sets no USER");
    }

    private static List<String> arguments(String instruction) {
        return instructions.stream().filter(line -> line.startsWith(instruction + " "))
                .map(line -> line.substring(instruction.length() + 1).strip()).toList();
    }

    private static int lastIndexOf(String prefix) {
        for (int i = instructions.size() - 1; i >= 0; i--) {
            if (instructions.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
