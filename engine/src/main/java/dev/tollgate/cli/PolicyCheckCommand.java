package dev.tollgate.cli;

import dev.tollgate.cli.policy.CompiledCopy;
import dev.tollgate.cli.policy.PolicyCopy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", description = {"Compiles every Drools pack and decision table in DIR/policies/ and the Rego "
        + "bundle in DIR/opa-bundles/tollgate/, and prints each pack's rule count per engine.",
        "Exit 1 when anything does not compile, naming the file and line of each problem (for a CSV decision table, "
                + "the row and the column of the cell); exit 2 when DIR lacks one of those folders."})
final class PolicyCheckCommand implements Callable<Integer> {
    @Mixin
    PolicyDirParameter dir;

    /** As `tollgate policy check ARGS` runs. */
    static int run(List<String> args) {
        return PolicyCommand.run("check", args);
    }

    @Override
    public Integer call() throws Exception {
        PolicyCopy copy = dir.copy(false);
        return PolicyCommand.withoutLogs(() -> {
            CompiledCopy compiled = CompiledCopy.of(copy);
            System.out.print(compiled.render());
            return compiled.compiles() ? 0 : PolicyCommand.FAILED;
        });
    }
}
