package dev.tollgate.cli;

import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static dev.tollgate.cli.AuditCommandsTest.capture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --help on every command, and usage errors naming what was wrong (issue 17). */
class CliHelpTest {
    /** What each command must offer whatever the model says: the options the README and the docs name. */
    private static final Map<String, List<String>> DOCUMENTED = Map.of(
            "serve", List.of("--host", "--port", "--data-dir", "--policies", "--config", "--engines", "--opa-url",
                    "--slm-model"),
            "verify", List.of("--data-dir", "--public-key", "--checkpoints", "--json"),
            "replay", List.of("--data-dir", "--store", "--candidate", "--candidate-rego", "--json"),
            "export", List.of("--data-dir", "--from", "--to", "--format"),
            "calibrate", List.of("--data-dir", "--target-disagreement", "--min-validated", "--json"),
            "bench", List.of("--url", "--seconds", "--concurrency", "--warmup-seconds", "--key", "--mode",
                    "--max-tokens", "--facts", "--query"),
            "test", List.of(),
            "policy", List.of(),
            "policy check", List.of("DIR"),
            "policy test", List.of("DIR", "--samples", "--seed", "--engines", "--ner-model"));

    /** Every command by its full name: "verify", and for a command with commands of its own, "policy check". */
    private static Map<String, CommandLine> commands() {
        Map<String, CommandLine> commands = new TreeMap<>();
        TollgateCli.commandLine().getSubcommands().forEach((name, command) -> {
            commands.put(name, command);
            command.getSubcommands().forEach((subName, subcommand) -> commands.put(name + " " + subName, subcommand));
        });
        return commands;
    }

    /** The command line of a command named in full, followed by these arguments. */
    private static String[] argv(String command, String... args) {
        return Stream.concat(Stream.of(command.split(" ")), Stream.of(args)).toArray(String[]::new);
    }

    /** Every name of every option the parser accepts for a command, and the labels of its positional parameters. */
    private static Set<String> accepted(CommandSpec command) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : command.options()) {
            names.addAll(List.of(option.names()));
        }
        command.positionalParameters().forEach(parameter -> names.add(parameter.paramLabel()));
        return names;
    }

    @Test
    void theCommandsAreTheDocumentedOnes() {
        assertEquals(DOCUMENTED.keySet(), commands().keySet());
        DOCUMENTED.forEach((name, options) -> assertTrue(accepted(commands().get(name).getCommandSpec())
                .containsAll(options), name + " accepts " + options));
    }

    @Test
    void everyCommandsHelpExitsZeroAndListsEachOptionItAccepts() throws Exception {
        for (Map.Entry<String, CommandLine> command : commands().entrySet()) {
            for (String help : List.of("--help", "-h")) {
                AuditCommandsTest.Run run = capture(() -> TollgateCli.run(argv(command.getKey(), help)));
                assertEquals(0, run.exitCode(), command.getKey() + " " + help);
                assertTrue(run.output().startsWith("Usage: tollgate " + command.getKey() + " "), run.output());
                Set<String> accepted = accepted(command.getValue().getCommandSpec());
                assertTrue(accepted.containsAll(List.of("-h", "--help")), accepted.toString());
                for (String option : accepted) {
                    assertTrue(run.output().contains(option), command.getKey() + " --help names " + option + ":\n"
                            + run.output());
                }
            }
        }
    }

    @Test
    void theTopLevelHelpListsEveryCommandWithItsOptions() throws Exception {
        AuditCommandsTest.Run run = capture(() -> TollgateCli.run("--help"));
        assertEquals(0, run.exitCode(), run.output());
        for (Map.Entry<String, CommandLine> command : commands().entrySet()) {
            String entry = run.output().substring(run.output().indexOf("\n  tollgate " + command.getKey() + " "));
            // The synopsis ends where the description starts, indented by six spaces.
            String synopsis = entry.split("\n {6}(?! )")[0];
            CommandSpec spec = command.getValue().getCommandSpec();
            Stream<String> shown = Stream.concat(spec.options().stream().map(OptionSpec::shortestName),
                    spec.positionalParameters().stream().map(parameter -> parameter.paramLabel()));
            shown.forEach(option -> assertTrue(synopsis.contains(option), "the synopsis of " + command.getKey()
                    + " names " + option + ":\n" + run.output()));
        }
        assertTrue(run.output().contains("tollgate test [-h] [MAVEN_ARG...]"), run.output());
    }

    @Test
    void theReadmesCommandTableNamesEveryOption() throws Exception {
        List<String> readme = Files.readAllLines(TestService.ROOT.resolve("README.md"));
        for (Map.Entry<String, CommandLine> command : commands().entrySet()) {
            String row = readme.stream().filter(line -> line.startsWith("| `./tollgate " + command.getKey() + " "))
                    .findFirst().orElseThrow(() -> new AssertionError("README.md has no row for " + command.getKey()));
            String synopsis = row.substring(0, row.indexOf("` | "));
            for (String option : accepted(command.getValue().getCommandSpec())) {
                if (option.startsWith("--") && !option.equals("--help")) {
                    assertTrue(synopsis.matches(".*\\[" + option + "[ \\]].*"), "README.md's " + command.getKey() + " row names "
                            + option + ": " + synopsis);
                }
            }
        }
    }

    @Test
    void anUnknownOptionExitsWithTwoNamingItAndTheCommandsUsage() {
        // test takes Maven's arguments, whatever they are.
        for (String command : commands().keySet().stream().filter(name -> !name.equals("test")).toList()) {
            // A required parameter is given, so that the unknown option is what is wrong.
            String[] required = commands().get(command).getCommandSpec().positionalParameters().stream()
                    .filter(parameter -> parameter.required()).map(parameter -> parameter.paramLabel())
                    .toArray(String[]::new);
            Errors run = errors(argv(command, Stream.concat(Stream.of("--no-such-option=1"), Stream.of(required))
                    .toArray(String[]::new)));
            assertEquals(TollgateCli.USAGE_ERROR, run.code(), run.text());
            assertTrue(run.text().startsWith("tollgate: Unknown option: '--no-such-option=1'"), run.text());
            assertTrue(run.text().contains("Usage: tollgate " + command + " [-h]"), run.text());
        }
    }

    @Test
    void aBadValueExitsWithTwoNamingTheOption() {
        Errors bench = errors("bench", "--seconds=ten");
        assertEquals(TollgateCli.USAGE_ERROR, bench.code(), bench.text());
        assertTrue(bench.text().startsWith("tollgate: Invalid value for option '--seconds': 'ten' is not an int"),
                bench.text());
        Errors mode = errors("bench", "--mode", "ramp");
        assertEquals(TollgateCli.USAGE_ERROR, mode.code(), mode.text());
        assertTrue(mode.text().startsWith("tollgate: --mode must be decide, execute or opa"), mode.text());
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        Errors none = errors();
        assertEquals(TollgateCli.USAGE_ERROR, none.code(), none.text());
        assertTrue(none.text().startsWith("tollgate: a command is needed\nUsage: tollgate [-h] COMMAND"), none.text());
        Errors unknown = errors("frobnicate");
        assertEquals(TollgateCli.USAGE_ERROR, unknown.code(), unknown.text());
        assertTrue(unknown.text().contains("'frobnicate'"), unknown.text());
    }

    @Test
    void everyServeOptionButConfigStandsForAnEnvironmentVariable() {
        Set<String> options = accepted(commands().get("serve").getCommandSpec());
        options.removeAll(List.of("-h", "--help", "--config"));
        assertEquals(options, new TreeSet<>(ServeCommand.FLAGS.keySet()));
    }

    @Test
    void theTestCommandOnlyRunsFromTheScript() {
        Errors run = errors("test", "-Dtest=MaskerTest");
        assertEquals(TollgateCli.USAGE_ERROR, run.code(), run.text());
        assertTrue(run.text().contains("the test suite runs from a source tree: ./tollgate test"), run.text());
    }

    private record Errors(int code, String text) {
    }

    private static Errors errors(String... argv) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = TollgateCli.run(argv);
            return new Errors(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
