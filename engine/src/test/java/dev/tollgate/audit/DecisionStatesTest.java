package dev.tollgate.audit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionStatesTest {

    @Test
    void findsEveryDecisionAfterTheArraysAndIndexHaveGrownManyTimes() {
        DecisionStates states = new DecisionStates();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String id = new UUID(0x0190_d6a0_0000_7000L + i, 0x8000_0000_0000_0000L | (i * 31L)).toString();
            ids.add(id);
            assertEquals(i, states.add(id, i % 2 == 0, List.of(i % 3 == 0 ? "slm-local" : "cloud-eu"), i));
        }
        assertEquals(200_000, states.size());
        for (int i = 0; i < ids.size(); i++) {
            int d = states.find(ids.get(i));
            assertEquals(i, d);
            assertEquals(i % 2 == 0, states.allowed(d));
            assertEquals(List.of(i % 3 == 0 ? "slm-local" : "cloud-eu"), states.permitted(d));
            assertEquals(i, states.expiryMicros(d));
        }
        assertEquals(DecisionStates.NOT_FOUND, states.find(UUID.randomUUID().toString()));
    }

    @Test
    void idsThatAreNotCanonicalUuidsAreKeptExactlyAsWritten() {
        DecisionStates states = new DecisionStates();
        String lower = "0190d6a0-1234-7abc-8def-0123456789ab";
        int other = states.add("decision-7", true, List.of(), 0);
        int upper = states.add(lower.toUpperCase(), true, List.of(), 0);
        int canonical = states.add(lower, false, List.of(), 0);

        assertEquals(other, states.find("decision-7"));
        assertEquals(upper, states.find(lower.toUpperCase()));
        assertEquals(canonical, states.find(lower));
        assertFalse(states.allowed(canonical));
        assertEquals(DecisionStates.NOT_FOUND, states.find("1-1-1-1-1"));
    }

    @Test
    void startsAndOutcomesAreCountedSeparatelyUpToThree() {
        DecisionStates states = new DecisionStates();
        int d = states.add(UUID.randomUUID().toString(), true, List.of("cloud-eu"), 0);
        states.countStart(d);
        states.countStart(d);
        assertEquals(2, states.starts(d));
        assertEquals(0, states.outcomes(d));
        for (int i = 0; i < 5; i++) {
            states.countOutcome(d);
        }
        assertEquals(3, states.outcomes(d), "saturates: 3 means 3 or more");
        assertEquals(2, states.starts(d));
        assertTrue(states.allowed(d));
        assertEquals(List.of("cloud-eu"), states.permitted(d));
    }
}
