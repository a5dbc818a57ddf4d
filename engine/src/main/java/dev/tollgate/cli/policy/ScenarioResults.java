package dev.tollgate.cli.policy;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Each scenario's result as Cucumber reports it, kept for the engine's report. */
final class ScenarioResults implements ConcurrentEventListener {
    /** @param problem the first line of what failed, or what is missing; "" when it passed */
    record Scenario(String location, String name, boolean passed, String problem) {
        String render() {
            return "  FAILED " + location + " " + name + (problem.isEmpty() ? "" : "\n    " + problem) + "\n";
        }
    }

    private final List<Scenario> scenarios = Collections.synchronizedList(new ArrayList<>());
    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    }

    private void finished(TestCaseFinished event) {
        Status status = event.getResult().getStatus();
        Throwable error = event.getResult().getError();
        String problem = error != null && error.getMessage() != null ? error.getMessage().lines().findFirst().orElse("")
                : status == Status.PASSED ? "" : "step " + status.name().toLowerCase();
        String file = Path.of(event.getTestCase().getUri()).getFileName().toString();
        scenarios.add(new Scenario(file + ":" + event.getTestCase().getLocation().getLine(),
                event.getTestCase().getName(), status == Status.PASSED, problem));
    }

    List<Scenario> scenarios() {
        return List.copyOf(scenarios);
    }
}
