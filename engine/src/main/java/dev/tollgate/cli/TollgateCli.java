package dev.tollgate.cli;

import dev.tollgate.audit.PostgresStore;
import dev.tollgate.config.ConfigException;
import io.helidon.logging.common.LogConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The one entry point: ./tollgate serve | verify | replay | export | calibrate | bench | test | policy, with --help. */
@Command(name = "tollgate", synopsisSubcommandLabel = "COMMAND",
        description = "A policy-as-code compliance gateway for hybrid LLM systems. `tollgate COMMAND --help` "
                + "describes a command and its options.",
        commandListHeading = "%nCommands:%n",
        subcommands = {ServeCommand.class, VerifyCommand.class, ReplayCommand.class, ExportCommand.class,
                CalibrateCommand.class, BenchCommand.class, TestCommand.class, PolicyCommand.class})
public final class TollgateCli implements Callable<Integer> {
    static final int USAGE_ERROR = 2;
    /** The shared store named by --store cannot be reached or read. */
    static final int STORE_UNAVAILABLE = 1;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "show this help and exit")
    boolean help;

    public static void main(String[] argv) {
        LogConfig.configureRuntime();
        int code = run(argv);
        if (code >= 0) {
            System.exit(code);
        }
    }

    /** Runs a command; returns its exit code (2: a usage or configuration error), or -1 while the service runs. */
    static int run(String... argv) {
        return commandLine().execute(argv);
    }

    /** `tollgate COMMAND ARGS` as the command line runs it. */
    static int run(String command, List<String> args) {
        List<String> argv = new ArrayList<>(List.of(command));
        argv.addAll(args);
        return run(argv.toArray(String[]::new));
    }

    /** The commands and their options, as picocli parses and documents them. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TollgateCli())
                .setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF))
                .setParameterExceptionHandler(TollgateCli::usageError)
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (e instanceof ConfigException) {
                        command.getErr().println("tollgate: configuration: " + e.getMessage());
                        return USAGE_ERROR;
                    }
                    if (e instanceof PostgresStore.StoreException) {
                        command.getErr().println("tollgate: " + e.getMessage());
                        return STORE_UNAVAILABLE;
                    }
                    throw e;
                });
        // The list of commands shows each one's synopsis, so that `tollgate --help` names every option.
        cli.getSubcommands().get("test").setUnmatchedOptionsArePositionalParams(true); // Maven's -D...
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, TollgateCli::commandList);
        return cli;
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is needed");
    }

    /** An unknown option, a bad value, a missing command: the message naming it, then the command's usage. */
    private static int usageError(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("tollgate: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        e.getCommandLine().usage(err);
        return USAGE_ERROR;
    }

    private static String commandList(Help help) {
        StringBuilder list = new StringBuilder();
        help.subcommands().forEach((name, command) -> {
            list.append("  ").append(command.synopsis(2)).append(command.description().indent(6));
            command.subcommands().forEach((subName, subcommand) -> list.append("  ").append(subcommand.synopsis(2))
                    .append(subcommand.description().indent(6)));
        });
        return list.toString();
    }
}
