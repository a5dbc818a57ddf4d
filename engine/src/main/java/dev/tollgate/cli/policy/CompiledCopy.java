package dev.tollgate.cli.policy;

import dev.tollgate.policy.CompiledPolicy;
import dev.tollgate.policy.PolicyCompiler;
import dev.tollgate.policy.PolicyLoadException;
import dev.tollgate.policy.PolicyProblem;
import dev.tollgate.policy.drools.DroolsPolicyCompiler;
import dev.tollgate.policy.rego.RegoWasmCompiler;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A policy copy compiled by each engine: per engine the loaded version, or the problems that kept it from loading. */
public record CompiledCopy(Compiled drools, Compiled rego) {
    /**
     * @param folder the engine's folder in the copy, as "policies"
     * @param policy null when the folder did not compile
     */
    public record Compiled(String engine, String folder, CompiledPolicy policy, List<PolicyProblem> problems) {
        public Compiled {
            problems = List.copyOf(problems);
        }

        static Compiled of(String engine, String folder, Path dir, PolicyCompiler compiler) {
            try {
                return new Compiled(engine, folder, compiler.compile(dir), List.of());
            } catch (PolicyLoadException e) {
                return new Compiled(engine, folder, null, e.problems());
            } catch (RuntimeException e) {
                // The opa binary missing or failing: the bundle cannot be checked, which is no pass.
                return new Compiled(engine, folder, null, List.of(new PolicyProblem(".", 0, e.getMessage())));
            }
        }

        /** "policies/ (drools): gdpr=4 routing=15", or the problems, one a line, each naming its file and line. */
        public String render() {
            if (policy != null) {
                return folder + "/ (" + engine + "): " + policy.ruleCounts().entrySet().stream()
                        .map(pack -> pack.getKey() + "=" + pack.getValue()).collect(Collectors.joining(" ")) + "\n";
            }
            StringBuilder text = new StringBuilder(folder + "/ (" + engine + ") does not compile, "
                    + problems.size() + (problems.size() == 1 ? " problem:\n" : " problems:\n"));
            problems.forEach(problem -> text.append("  ").append(render(problem)).append('\n'));
            return text.toString();
        }

        /** file:line: message, and for a decision table: file, row N, column C (label): message. */
        private String render(PolicyProblem problem) {
            String file = problem.file().equals(".") ? folder : folder + "/" + problem.file();
            boolean table = file.endsWith(".csv") || file.endsWith(".xlsx");
            if (!table || problem.line() == 0) {
                return new PolicyProblem(file, problem.line(), problem.message()).toString();
            }
            String row = file + ", row " + problem.line();
            return problem.message().startsWith("column") ? row + ", " + problem.message() : row + ": " + problem.message();
        }
    }

    public static CompiledCopy of(PolicyCopy copy) {
        return new CompiledCopy(
                Compiled.of("drools", PolicyCopy.DROOLS, copy.droolsDir(), new DroolsPolicyCompiler()),
                Compiled.of("rego", PolicyCopy.REGO, copy.regoDir(), dir -> new RegoWasmCompiler().compile(dir)));
    }

    public boolean compiles() {
        return drools.policy() != null && rego.policy() != null;
    }

    public String render() {
        return drools.render() + rego.render();
    }
}
