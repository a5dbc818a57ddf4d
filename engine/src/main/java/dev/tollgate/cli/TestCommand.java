package dev.tollgate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * `./tollgate test` is the launcher script's (scripts/test.sh): it needs the source tree, Maven and the set-up
 * scripts, none of which the jar has. It is declared here so that the usage documents it with the other commands.
 */
@Command(name = "test", description = {"Runs the whole test suite, as CI does: unit tests, the policy packs in "
        + "Drools and Rego, the features over HTTP once per engine, PII detection against a real Presidio, the "
        + "on-device model and the official openai client. Installs what it needs once, under .cache/.",
        "Only from a source tree, through the ./tollgate script (scripts/test.sh)."})
final class TestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MAVEN_ARG", arity = "0..*",
            description = "passed on to `mvn verify`, e.g. -Dtest=MaskerTest -Dsurefire.failIfNoSpecifiedTests=false")
    List<String> mavenArgs;

    @Override
    public Integer call() {
        System.err.println("tollgate: the test suite runs from a source tree: ./tollgate test");
        return TollgateCli.USAGE_ERROR;
    }
}
