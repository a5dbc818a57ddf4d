package dev.tollgate.cli;

import dev.tollgate.Json;
import dev.tollgate.audit.calibrate.CascadeLog;
import dev.tollgate.audit.calibrate.RouteCalibration;
import dev.tollgate.terms.ConsistencyCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Proposes cascade thresholds per routing rule from the decision log: the confidence (and, where the rule has a
 * consistency check, the agreement) below which a request should escalate so that, of the on-device answers a cloud
 * validated, the share it corrected among those kept stays at or below the target. It prints the proposal as a diff
 * of the routing table's threshold cells and changes nothing. Exit 0; bad options exit 2.
 */
@Command(name = "calibrate", description = {"Proposes per routing rule the cascade thresholds (confidence, and "
        + "agreement where the rule checks consistency) that keep the cloud's corrections of the on-device answers "
        + "kept at or below the target, printed as a diff of the routing table with the counts behind it; changes "
        + "nothing (docs/execution.md)."})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DataDirOption data;
    @Option(names = "--target-disagreement", paramLabel = "SHARE", defaultValue = "0.05",
            description = "the share of kept on-device answers the cloud may correct, from 0 up to (not including) 1 "
                    + "(default: ${DEFAULT-VALUE})")
    double target;
    @Option(names = "--min-validated", paramLabel = "N", defaultValue = "30",
            description = "the validated answers a rule needs before a threshold is proposed (default: ${DEFAULT-VALUE})")
    int minValidated;
    @Mixin
    JsonOption output;

    /** As `tollgate calibrate ARGS` runs. */
    static int run(List<String> args) {
        return TollgateCli.run("calibrate", args);
    }

    @Override
    public Integer call() throws Exception {
        if (!(target >= 0 && target < 1)) {
            throw usageError("--target-disagreement is a share from 0 up to (not including) 1, e.g. 0.05; not "
                    + target);
        }
        if (minValidated < 1) {
            throw usageError("--min-validated is a whole number of 1 or more, not " + minValidated);
        }
        if (!Files.isDirectory(data.log())) {
            throw usageError("no decision log in " + data.log() + " (is --data-dir the service's data directory?)");
        }
        List<RouteCalibration> routes = CascadeLog.read(data.log()).stream()
                .map(history -> RouteCalibration.of(history, target, minValidated)).toList();
        if (output.json) {
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of(
                    "target_disagreement", target, "min_validated", minValidated, "routes", routes)));
        } else {
            System.out.print(render(routes, target, minValidated));
        }
        return 0;
    }

    private ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static String render(List<RouteCalibration> routes, double target, int minValidated) {
        StringBuilder out = new StringBuilder();
        out.append("--- routing table: cascade thresholds as the latest decisions carried them\n");
        out.append(String.format(Locale.ROOT, "+++ proposed: at most %.1f%% of the validated on-device answers kept are "
                + "corrected by the cloud (at least %d validated answers per rule)%n", 100 * target, minValidated));
        if (routes.isEmpty()) {
            out.append("  (the log holds no cascade decisions)\n");
        }
        for (RouteCalibration route : routes) {
            out.append(String.format(Locale.ROOT, "@@ %s (%s): %d executions, %d escalated; %d validated, %d corrected%n",
                    route.rule(), String.join(", ", route.tasks()), route.executions(), route.escalated(),
                    route.validated(), route.disagreed()));
            String now = thresholds(route.current().escalateBelow(), agreement(route.current().consistency()));
            if (route.proposed() == null) {
                out.append("  ").append(now).append('\n').append("  # ").append(route.note()).append('\n');
                continue;
            }
            RouteCalibration.Proposed p = route.proposed();
            out.append("- ").append(now).append('\n');
            out.append("+ ").append(thresholds(p.escalateBelow(), p.agreementBelow())).append('\n');
            out.append(String.format(Locale.ROOT, "  # kept on-device: %d of %d validated, %d corrected (%.1f%%)%n",
                    p.kept(), route.validated(), p.keptDisagreed(), 100.0 * p.keptDisagreed() / p.kept()));
        }
        return out.toString();
    }

    private static Double agreement(ConsistencyCheck check) {
        return check == null ? null : check.escalateBelow();
    }

    private static String thresholds(Double confidence, Double agreement) {
        String text = "escalate below confidence " + (confidence == null ? "(none)" : format(confidence));
        return agreement == null ? text : text + ", agreement " + format(agreement);
    }

    private static String format(double threshold) {
        return String.format(Locale.ROOT, "%.2f", threshold);
    }
}
