package dev.tollgate.execute.usage;

import dev.tollgate.audit.ExecutionOutcome;
import dev.tollgate.config.Destination;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.Strategy;

import java.util.List;

import static dev.tollgate.testing.OutcomeBuilder.completed;

/** The catalog and completed execution records of the usage tests: answered by cloud-eu with its tokens, or on-device by slm-local. */
final class UsageFixtures {
    /** An on-device slm-local, and cloud-eu at 1.0 in and 2.0 out per 1,000 tokens. */
    static final DestinationCatalog CATALOG = new DestinationCatalog(List.of(
            new Destination("slm-local", DestinationKind.SLM, "DE", "on-device", true, false, false, false, null, null),
            new Destination("cloud-eu", DestinationKind.CLOUD, "IE", "cloud", true, false, false, false,
                    new Destination.Endpoint("", "m", "K", 1000, 0), new Destination.Price(1.0, 2.0))));

    private UsageFixtures() {
    }

    static ExecutionOutcome cloud(String app, Strategy strategy, boolean escalated, int in, int out) {
        return outcome(app, "cloud-eu", strategy, escalated, "cloud-eu", in, out);
    }

    static ExecutionOutcome onDevice(String app, Strategy strategy) {
        return outcome(app, "slm-local", strategy, false, null, null, null);
    }

    private static ExecutionOutcome outcome(String app, String destination, Strategy strategy, boolean escalated,
                                            String cloud, Integer in, Integer out) {
        return completed("d-" + app + in, app, destination).strategy(strategy).escalated(escalated)
                .cloudTokensSent(in).cloud(cloud, in, out).build();
    }
}
