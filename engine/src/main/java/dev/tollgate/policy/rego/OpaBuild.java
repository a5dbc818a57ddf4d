package dev.tollgate.policy.rego;

import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compiles a bundle directory to Wasm with the opa binary: {@code opa check --strict} first, for every
 * problem with its file and line (tests included), then {@code opa build -b -t wasm} of everything but the
 * tests, with each pack's verdict and rules as entrypoints.
 */
final class OpaBuild {
    private final OpaBinary opa;

    OpaBuild(OpaBinary opa) {
        this.opa = opa;
    }

    /** The arguments of {@code opa build} but its output file. */
    static List<String> buildArguments(List<RegoPack> packs) {
        List<String> arguments = new ArrayList<>(List.of("build", "-b", ".", "--ignore", "*_test.rego", "-t", "wasm"));
        for (RegoPack pack : packs) {
            arguments.addAll(List.of("-e", pack.verdictEntrypoint(), "-e", pack.rulesEntrypoint()));
        }
        return arguments;
    }

    WasmBundle build(Path bundleDir, List<RegoPack> packs) throws PolicyLoadException {
        OpaBinary.Result check = opa.run(bundleDir, List.of("check", "--strict", "--format", "json", "-b", "."));
        if (check.exitCode() != 0) {
            throw refused(OpaProblems.fromCheck(check.stdout().isBlank() ? check.stderr() : check.stdout()));
        }
        Path out = null;
        try {
            out = Files.createTempDirectory("tollgate-rego-");
            Path tarGz = out.resolve("bundle.tar.gz");
            List<String> arguments = new ArrayList<>(buildArguments(packs));
            arguments.addAll(List.of("-o", tarGz.toString()));
            OpaBinary.Result build = opa.run(bundleDir, arguments);
            if (build.exitCode() != 0) {
                throw refused(OpaProblems.fromText(build.stderr() + build.stdout()));
            }
            return WasmBundle.read(tarGz);
        } catch (IOException e) {
            throw refused(List.of(new PolicyProblem(".", 0, "cannot build the bundle: " + e.getMessage())));
        } finally {
            deleteQuietly(out);
        }
    }

    private static PolicyLoadException refused(List<PolicyProblem> problems) {
        List<PolicyProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(PolicyProblem::file).thenComparingInt(PolicyProblem::line));
        return new PolicyLoadException(sorted);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind costs disk space, not correctness.
        }
    }
}
