package dev.tollgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

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
