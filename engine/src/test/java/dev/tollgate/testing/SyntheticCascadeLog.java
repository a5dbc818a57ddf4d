package dev.tollgate.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.audit.DecisionLog;
import dev.tollgate.audit.DurableAppend;
import dev.tollgate.audit.ExecutionStarted;
import dev.tollgate.audit.LogRecord;
import dev.tollgate.audit.ValidationRecord;
import dev.tollgate.terms.ConsistencyCheck;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Route;
import dev.tollgate.terms.Strategy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a decision log (through the real {@link DecisionLog}, hash-chained) of cascade executions whose confidences,
 * agreements and cloud verdicts follow known distributions, so that what calibration proposes can be checked
 * against the threshold the distribution implies. A decision carries the fields calibration reads (the route with
 * its rule and thresholds, the task type); executions and validations are the real record types.
 */
public final class SyntheticCascadeLog {
    /** A cascade route as the routing table sets it. */
    public record Rule(String id, String task, double escalateBelow, ConsistencyCheck consistency) {
    }

    /**
     * One execution of a rule's cascade.
     *
     * @param agreement null without a consistency check
     * @param verdict   {@link ValidationRecord#AGREES}, {@link ValidationRecord#CORRECTED}, or null: not validated
     */
    public record Execution(Rule rule, double confidence, Double agreement, boolean escalated, String verdict) {
    }

    private SyntheticCascadeLog() {
    }

    /** The probability that the cloud corrects an answer of this confidence and agreement (null: no check). */
    public interface Disagreement {
        double at(double confidence, Double agreement);
    }

    /**
     * {@code count} validated on-device answers of {@code rule} from a generator seeded with {@code seed}:
     * confidences uniform in [low, high), agreements (with a consistency check) uniform in [0, 1), each corrected by
     * the cloud with the probability {@code disagreement} gives.
     */
    public static List<Execution> validated(Rule rule, int count, double low, double high, long seed,
                                            Disagreement disagreement) {
        Random random = new Random(seed);
        List<Execution> executions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double confidence = low + (high - low) * random.nextDouble();
            Double agreement = rule.consistency() == null ? null : random.nextDouble();
            boolean corrected = random.nextDouble() < disagreement.at(confidence, agreement);
            executions.add(new Execution(rule, confidence, agreement, false,
                    corrected ? ValidationRecord.CORRECTED : ValidationRecord.AGREES));
        }
        return executions;
    }

    /** Writes the executions, each after its decision, into {@code dataDir}/log. */
    public static void write(Path dataDir, List<Execution> executions) throws IOException {
        try (DecisionLog log = DecisionLog.open(dataDir.resolve("log"), 1 << 20, Clock.systemUTC())) {
            int n = 0;
            for (Execution e : executions) {
                String id = "synthetic-" + ++n;
                log.append(decision(id, e.rule())).join();
                DurableAppend.append(log, new ExecutionStarted(id, "claims-assistant", "2099-01-01T00:00:00Z"));
                boolean validated = e.verdict() != null;
                DurableAppend.append(log, OutcomeBuilder.completed(id, "claims-assistant",
                                e.escalated() ? "cloud-eu" : "slm-local")
                        .strategy(validated ? Strategy.OFFLINE : Strategy.CASCADE).escalated(e.escalated())
                        .confidence(e.confidence()).tokens(40, 20).took(900, 880).disclosed(true)
                        .validationQueued(validated ? true : null).agreement(e.agreement()).build());
                if (validated) {
                    DurableAppend.append(log, new ValidationRecord(id, "cloud-eu", e.verdict(), "hmac-sha256:11", null,
                            null, null, null, null, null));
                }
            }
        }
    }

    private static ObjectNode decision(String id, Rule rule) {
        ObjectNode decision = Json.MAPPER.createObjectNode();
        decision.put("type", "decision").put("format", LogRecord.FORMAT).put("decision_id", id)
                .put("application", "claims-assistant");
        decision.putObject("facts").putObject("request").put("task_type", rule.task());
        ObjectNode outcome = decision.putObject("outcome").put("effect", "allow");
        outcome.set("route", Json.MAPPER.valueToTree(new Route("slm-local", DestinationKind.SLM, Strategy.CASCADE,
                rule.escalateBelow(), rule.id(), rule.consistency())));
        return decision;
    }
}
