package dev.tollgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The compliance officer's loop on a copy of the policy files, before it goes live: check, then test. */
@Command(name = "policy", synopsisSubcommandLabel = "(check | test)",
        description = {"Checks and tests a copy of the policy files (DIR holding policies/, opa-bundles/tollgate/ and "
                + "features/, as the repository does) before it goes live, as `opa test` does for Rego alone."},
        subcommands = {PolicyCheckCommand.class, PolicyTestCommand.class})
final class PolicyCommand implements Callable<Integer> {
    /** A pack does not compile, the engines' rules differ, they decide a document differently or a scenario fails. */
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    /**
     * Runs a subcommand with the log handlers silenced: its report names every problem, and what the compilers and
     * the services it starts log would bury it.
     */
    static int withoutLogs(Callable<Integer> subcommand) throws Exception {
        Handler[] handlers = Logger.getLogger("").getHandlers();
        Level[] levels = new Level[handlers.length];
        for (int i = 0; i < handlers.length; i++) {
            levels[i] = handlers[i].getLevel();
            handlers[i].setLevel(Level.OFF);
        }
        try {
            return subcommand.call();
        } finally {
            for (int i = 0; i < handlers.length; i++) {
                handlers[i].setLevel(levels[i]);
            }
        }
    }

    /** As `tollgate policy SUBCOMMAND ARGS` runs. */
    static int run(String subcommand, List<String> args) {
        List<String> argv = new ArrayList<>(List.of(subcommand));
        argv.addAll(args);
        return TollgateCli.run("policy", argv);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "policy needs check or test");
    }
}
