package dev.tollgate.cli;

import dev.tollgate.cli.policy.CompiledCopy;
import dev.tollgate.cli.policy.FeatureRun;
import dev.tollgate.cli.policy.ParitySample;
import dev.tollgate.cli.policy.PolicyCopy;
import dev.tollgate.cli.policy.RuleCounts;
import dev.tollgate.server.PolicyEngines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "test", description = {"Tests a policy copy without the Maven suite: compiles it as check does, "
        + "compares each pack's rules in Drools and in Rego, decides generated facts documents with both engines "
        + "(a parity sample) and runs the scenarios in DIR/features/ over HTTP against a service on the copy, once "
        + "per engine.",
        "Exit 1 when anything does not compile, a pack's rules differ between the engines (naming both counts), "
        + "the engines decide a document differently (naming the facts and both verdicts) or a scenario fails; "
        + "exit 2 when DIR lacks one of its folders."})
final class PolicyTestCommand implements Callable<Integer> {
    @Mixin
    PolicyDirParameter dir;
    @Option(names = "--samples", paramLabel = "N", defaultValue = "2000",
            description = "facts documents in the parity sample (default: ${DEFAULT-VALUE})")
    int samples;
    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
            description = "seed of the generated facts documents, to repeat a run (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--engines", paramLabel = "LIST", split = ",", defaultValue = "drools,rego-wasm,rego-remote",
            description = "the engine modes the scenarios run on, each on a service of its own (default: "
                    + "${DEFAULT-VALUE}; rego-remote starts an OPA server)")
    List<String> engines;
    @Option(names = "--ner-model", paramLabel = "FILE", defaultValue = "${env:TOLLGATE_NER_MODEL}",
            description = "the trained NER model the services detect names with (default: $TOLLGATE_NER_MODEL, which "
                    + "./tollgate sets)")
    Path nerModel;
    @Spec
    CommandSpec spec;

    /** As `tollgate policy test ARGS` runs. */
    static int run(List<String> args) {
        return PolicyCommand.run("test", args);
    }

    @Override
    public Integer call() throws Exception {
        List<PolicyEngines> modes = modes();
        PolicyCopy copy = dir.copy(true);
        return PolicyCommand.withoutLogs(() -> test(copy, modes));
    }

    private int test(PolicyCopy copy, List<PolicyEngines> modes) {
        CompiledCopy compiled = CompiledCopy.of(copy);
        System.out.print(compiled.render());
        if (!compiled.compiles()) {
            return PolicyCommand.FAILED;
        }
        List<String> counts = RuleCounts.differences(compiled.drools().policy(), compiled.rego().policy());
        System.out.print(counts.isEmpty() ? "rules: every pack has the same rules in drools and rego\n"
                : "rules differ between drools and rego:\n  " + String.join("\n  ", counts) + "\n");
        ParitySample.Report parity = ParitySample.run(compiled.drools().policy(), compiled.rego().policy(), samples,
                seed, 3);
        System.out.print(parity.render());
        boolean passed = counts.isEmpty() && parity.differing() == 0;
        for (PolicyEngines mode : modes) {
            FeatureRun scenarios = FeatureRun.run(copy, mode, nerModel);
            System.out.print(scenarios.render());
            passed &= scenarios.passed();
        }
        System.out.println(passed ? "policy test passed" : "policy test FAILED");
        return passed ? 0 : PolicyCommand.FAILED;
    }

    private List<PolicyEngines> modes() {
        try {
            return engines.stream().map(PolicyEngines::of).toList();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
