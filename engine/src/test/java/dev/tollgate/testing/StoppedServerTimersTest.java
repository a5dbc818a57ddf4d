package dev.tollgate.testing;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoppedServerTimersTest {

    private static Set<Thread> idleTimers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("helidon-idle-connection-timer"))
                .collect(Collectors.toSet());
    }

    @Test
    void closingATestServiceEndsItsServersIdleTimerAndLeavesARunningOnesAlone() throws InterruptedException {
        Set<Thread> before = idleTimers();
        try (TestService running = TestService.start()) {
            Set<Thread> runningTimers = new HashSet<>(idleTimers());
            runningTimers.removeAll(before);
            Set<Thread> closedTimers;
            try (TestService closed = TestService.start()) {
                closedTimers = new HashSet<>(idleTimers());
                closedTimers.removeAll(before);
                closedTimers.removeAll(runningTimers);
            }
            assertFalse(runningTimers.isEmpty(), "the running service has an idle-connection timer");
            assertFalse(closedTimers.isEmpty(), "the closed service had an idle-connection timer");
            for (Thread t : closedTimers) {
                t.join(30_000);
                assertFalse(t.isAlive(), "the closed service's timer thread ended");
            }
            assertTrue(runningTimers.stream().allMatch(Thread::isAlive), "the running service keeps its timer");
            assertTrue(running.get("/health/ready").statusCode() == 200);
        }
    }
}
