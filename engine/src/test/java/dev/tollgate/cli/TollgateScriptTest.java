package dev.tollgate.cli;

import dev.tollgate.testing.OpaServer;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ./tollgate launcher in a copy of the source tree whose jar is current: the jar is a manifest naming the
 * classes under test, and `mvn` on the PATH only records that it was called (and brings the jar up to date).
 * Neither the set-up scripts nor scripts/test.sh are in the copy: a --help that reached them would fail.
 */
class TollgateScriptTest {
    /** A line that runs java: the command at the line's start, after exec, a pipe, a list operator or "$(". */
    /** java as a command: at the start, after an operator, or after exec, nohup, timeout N or env with settings. */
    private static final Pattern JAVA_COMMAND = Pattern.compile(
            "(^|[;&|(]|\\bexec|\\bnohup|\\btimeout(\\s+-\\S+)*\\s+\\S+|\\benv(\\s+\\w+=\\S*)*)\\s*java(\\s|$)");
    private static final Pattern SOURCE = Pattern.compile("^source .*/([\\w.-]+\\.sh)\"$");
    private static final String JVM_OPTIONS = "\"${JVM_OPTIONS[@]}\"";
    private static final String UNSAFE_FLAG = "--sun-misc-unsafe-memory-access";

    @TempDir
    Path tree;

    private Path jar;
    private Path mavenCalls;

    @BeforeEach
    void copyTheLauncherWithACurrentJar() throws IOException {
        Files.createDirectories(tree.resolve("scripts"));
        for (String file : List.of("tollgate", "scripts/java-env.sh", "scripts/progress-lib.sh")) {
            Files.copy(TestService.ROOT.resolve(file), tree.resolve(file));
        }
        FileTime anHourAgo = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
        for (Path source : List.of(Files.createDirectories(tree.resolve("engine/src/main")),
                Files.createFile(tree.resolve("engine/pom.xml")), Files.createFile(tree.resolve("pom.xml")))) {
            Files.setLastModifiedTime(source, anHourAgo);
        }
        jar = Files.createDirectories(tree.resolve("engine/target")).resolve("tollgate.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, TollgateCli.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPathFrom(jar.getParent()));
        try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        mavenCalls = tree.resolve("maven-calls.txt");
        Path mvn = Files.createDirectories(tree.resolve("bin")).resolve("mvn");
        Files.writeString(mvn, "#!/bin/sh\necho \"$@\" >> '" + mavenCalls + "'\ntouch '" + jar + "'\n");
        assertTrue(mvn.toFile().setExecutable(true));
    }

    /** The test's class path, relative to the jar's directory as a manifest's Class-Path is. */
    private static String classPathFrom(Path directory) {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .map(entry -> directory.relativize(entry.toAbsolutePath()) + (Files.isDirectory(entry) ? "/" : ""))
                .collect(Collectors.joining(" "));
    }

    private record Run(int exitCode, String output) {
    }

    private Run tollgate(String... args) throws Exception {
        return tollgate(Map.of(), args);
    }

    private Run tollgate(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", tree.resolve("tollgate").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", tree.resolve("bin") + File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "./tollgate " + String.join(" ", args) + " did not end");
        return new Run(process.exitValue(), output);
    }

    @Test
    void helpListsEveryCommandIncludingTestWithoutRunningMaven() throws Exception {
        Run help = tollgate("--help");

        assertEquals(0, help.exitCode(), help.output());
        for (String command : TollgateCli.commandLine().getSubcommands().keySet()) {
            assertTrue(help.output().contains("\n  tollgate " + command + " [-h]"), command + ":\n" + help.output());
        }
        assertTrue(help.output().contains("tollgate test [-h] [MAVEN_ARG...]"), help.output());
        assertFalse(help.output().contains("[tollgate]"), "nothing to build: " + help.output());
        assertFalse(Files.exists(mavenCalls), "a current jar needs no Maven");
    }

    @Test
    void eachCommandsHelpComesFromTheJarWithoutTheCommandsSetUp() throws Exception {
        for (String command : TollgateCli.commandLine().getSubcommands().keySet()) {
            Run help = tollgate(command, "--help");
            assertEquals(0, help.exitCode(), help.output());
            assertTrue(help.output().startsWith("Usage: tollgate " + command + " [-h]"), help.output());
        }
        Run late = tollgate("serve", "--port", "9", "-h");
        assertEquals(0, late.exitCode(), late.output());
        assertTrue(late.output().startsWith("Usage: tollgate serve [-h]"), late.output());
        assertFalse(Files.exists(jar.resolveSibling("tollgate-serve.aot")), "no AOT cache recorded from a help run");
        assertFalse(Files.exists(mavenCalls), "a current jar needs no Maven");
    }

    @Test
    void aStaleJarIsRebuiltSayingSoWithTheTimeItTook() throws Exception {
        Files.setLastModifiedTime(tree.resolve("engine/pom.xml"), FileTime.from(Instant.now().plus(1, ChronoUnit.MINUTES)));

        Run help = tollgate("verify", "--help");

        assertEquals(0, help.exitCode(), help.output());
        assertTrue(Files.readString(mavenCalls).contains("package"), Files.readString(mavenCalls));
        assertTrue(help.output().startsWith("[tollgate] building the jar with Maven"), help.output());
        assertTrue(help.output().matches("(?s).*\\n\\[tollgate] building the jar with Maven [^\\n]* \\.\\.\\. done in \\d+ s\\n"
                + "Usage: tollgate verify .*"), help.output());
    }

    /** XStream, under Drools, reads fields through sun.misc.Unsafe: the JDK's warning about it is not the officer's. */
    @Test
    void policyCheckPrintsItsRuleCountsAndNoUnsafeWarning() throws Exception {
        Run check = tollgate(Map.of("TOLLGATE_OPA", OpaServer.binary().path().toString()), "policy", "check",
                TestService.ROOT.toString());

        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("policies/ (drools): confidentiality="), check.output());
        assertTrue(check.output().contains("opa-bundles/tollgate/ (rego): confidentiality="), check.output());
        assertFalse(check.output().contains("sun.misc.Unsafe"), check.output());
    }

    /**
     * Every java that ./tollgate and scripts/ run gets the options scripts/java-env.sh defines, which among
     * ./tollgate and scripts/ alone names the Unsafe flag: a script of its own would print the JDK's warning, or fail
     * on a JDK 22.
     */
    @Test
    void everyScriptRunsJavaWithTheOptionsOfJavaEnv() throws IOException {
        List<String> running = new ArrayList<>();
        List<String> withoutOptions = new ArrayList<>();
        List<String> withoutJavaEnv = new ArrayList<>();
        Set<String> naming = new TreeSet<>();
        List<Path> scripts = new ArrayList<>(List.of(TestService.ROOT.resolve("tollgate")));
        try (Stream<Path> files = Files.list(TestService.ROOT.resolve("scripts"))) {
            files.filter(file -> file.toString().endsWith(".sh")).sorted().forEach(scripts::add);
        }
        for (Path script : scripts) {
            String name = TestService.ROOT.relativize(script).toString();
            List<String> lines = Files.readAllLines(script);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("#")) {
                    continue;
                }
                if (JAVA_COMMAND.matcher(line).find()) {
                    running.add(name + ":" + (i + 1));
                    if (!line.contains(JVM_OPTIONS)) {
                        withoutOptions.add(name + ":" + (i + 1) + " " + line);
                    }
                    if (!sourcesJavaEnv(script, new HashSet<>())) {
                        withoutJavaEnv.add(name);
                    }
                }
                if (line.contains(UNSAFE_FLAG)) {
                    naming.add(name);
                }
            }
        }

        assertTrue(running.stream().map(where -> where.replaceAll(":\\d+$", "")).toList()
                .containsAll(List.of("tollgate", "scripts/bench-lib.sh", "scripts/tools.sh")), running.toString());
        assertEquals(List.of(), withoutOptions, "java run without " + JVM_OPTIONS);
        assertEquals(List.of(), withoutJavaEnv, "java run without sourcing scripts/java-env.sh");
        assertEquals(Set.of("scripts/java-env.sh"), naming, "scripts naming " + UNSAFE_FLAG);
    }

    /** The script, or one it sources from scripts/, sources scripts/java-env.sh; each script is read once. */
    private static boolean sourcesJavaEnv(Path script, Set<Path> visited) throws IOException {
        if (!visited.add(script)) {
            return false;
        }
        for (String line : Files.readAllLines(script)) {
            Matcher source = SOURCE.matcher(line.strip());
            if (source.matches() && (source.group(1).equals("java-env.sh")
                    || sourcesJavaEnv(TestService.ROOT.resolve("scripts").resolve(source.group(1)), visited))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void noCommandIsAUsageError() throws Exception {
        Run none = tollgate();
        assertEquals(TollgateCli.USAGE_ERROR, none.exitCode(), none.output());
        assertTrue(none.output().contains("Usage: tollgate [-h] COMMAND"), none.output());
    }
}
