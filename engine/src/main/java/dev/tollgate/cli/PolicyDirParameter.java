package dev.tollgate.cli;

import dev.tollgate.cli.policy.PolicyCopy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;

/** The DIR of `tollgate policy check|test`: a copy of the policy files in the repository's layout. */
final class PolicyDirParameter {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "holds policies/ (Drools packs), opa-bundles/tollgate/ (the Rego "
            + "bundle) and, for test, features/ (the scenarios and their registry.yaml)")
    Path dir;

    /** The copy; a usage error (exit 2) naming the folders it lacks. */
    PolicyCopy copy(boolean withFeatures) {
        PolicyCopy copy = new PolicyCopy(dir);
        List<String> missing = copy.missing(withFeatures);
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), copy.root() + " has no " + String.join(", ", missing)
                    + ": DIR is laid out as the repository, with policies/, opa-bundles/tollgate/ and features/");
        }
        return copy;
    }
}
