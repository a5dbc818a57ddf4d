package dev.tollgate.cli;

import dev.tollgate.Json;
import dev.tollgate.audit.calibrate.CascadeLog;
import dev.tollgate.audit.calibrate.RouteCalibration;
import dev.tollgate.terms.ConsistencyCheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes cascade thresholds per routing rule from the decision log: the confidence (and, where the rule has a
 * consistency check, the agreement) below which a request should escalate so that, of the on-device answers a cloud
 * validated, the share it corrected among those kept stays at or below the target. It prints the proposal as a diff
 * of the routing table's threshold cells and changes nothing. Exit 0; bad options exit 2.
 */
final class CalibrateCommand {
    static final double DEFAULT_TARGET = 0.05;
    static final int DEFAULT_MIN_VALIDATED = 30;

    private CalibrateCommand() {
    }

    static int run(List<String> argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--data-dir", "--target-disagreement", "--min-validated"),
                Set.of("--json"));
        double target = number(args, "--target-disagreement", DEFAULT_TARGET);
        if (!(target >= 0 && target < 1)) {
            throw new Args.UsageException("--target-disagreement is a share from 0 up to (not including) 1, e.g. 0.05; "
                    + "not " + args.get("--target-disagreement").orElseThrow());
        }
        double minimum = number(args, "--min-validated", DEFAULT_MIN_VALIDATED);
        int minValidated = (int) minimum;
        if (minValidated < 1 || minValidated != minimum) {
            throw new Args.UsageException("--min-validated is a whole number of 1 or more, not "
                    + args.get("--min-validated").orElseThrow());
        }
        Path logDir = Path.of(args.get("--data-dir").orElse("data")).resolve("log");
        if (!Files.isDirectory(logDir)) {
            throw new Args.UsageException("no decision log in " + logDir + " (is --data-dir the service's data directory?)");
        }
        List<RouteCalibration> routes = CascadeLog.read(logDir).stream()
                .map(history -> RouteCalibration.of(history, target, minValidated)).toList();
        if (args.has("--json")) {
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of(
                    "target_disagreement", target, "min_validated", minValidated, "routes", routes)));
        } else {
            System.out.print(render(routes, target, minValidated));
        }
        return 0;
    }

    private static double number(Args args, String option, double otherwise) {
        String value = args.get(option).orElse(null);
        if (value == null) {
            return otherwise;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new Args.UsageException(option + " takes a number, not " + value);
        }
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
