package dev.tollgate.decision;

import dev.tollgate.Json;
import dev.tollgate.facts.ContentFacts;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.facts.SubjectFacts;
import dev.tollgate.facts.DataFacts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which task type routes and which only restricts, and how facts logged before the task was derived are read. */
class TaskReadingsTest {
    private static Facts facts(String declared, String derived) {
        return new Facts(new RequestFacts("claims-assistant", "staff", "claims_handling", "none", "NONE", "DE", declared,
                40, "eng", 1, 0, false), new SubjectFacts("DE"),
                new DataFacts(false, List.of(), List.of(), List.of(), false, List.of()),
                List.of(), new ContentFacts(List.of(), derived));
    }

    @Test
    void aMoreDemandingDerivedTaskRoutesAndTheDeclaredOneOnlyRestricts() {
        TaskReadings readings = TaskReadings.of(facts("faq", "reasoning"));

        assertEquals("reasoning", readings.routing().request().taskType());
        assertEquals("faq", readings.restricting().request().taskType());
        assertEquals(readings.routing().request().tokenCount(), 40, "every other request fact is kept");
    }

    @Test
    void aMoreDemandingDeclaredTaskRoutesAndTheDerivedOneOnlyRestricts() {
        TaskReadings readings = TaskReadings.of(facts("reasoning", "faq"));

        assertEquals("reasoning", readings.routing().request().taskType());
        assertEquals("faq", readings.restricting().request().taskType());
    }

    @Test
    void onEqualDemandTheDerivedTaskRoutes() {
        assertEquals("translate", TaskReadings.of(facts("summarize", "translate")).routing().request().taskType());
    }

    @Test
    void agreeingTasksAreOneReading() {
        Facts facts = facts("draft", "draft");

        assertSame(facts, TaskReadings.of(facts).routing());
        assertNull(TaskReadings.of(facts).restricting());
    }

    @Test
    void factsLoggedBeforeContentWasDerivedAreReadWithTheDeclaredTaskAlone() throws Exception {
        var logged = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.valueToTree(facts("faq", "reasoning"));
        logged.remove("content");

        Facts replayed = Json.MAPPER.treeToValue(logged, Facts.class);

        assertEquals(ContentFacts.NOT_DERIVED, replayed.content());
        assertEquals("faq", TaskReadings.of(replayed).routing().request().taskType());
        assertNull(TaskReadings.of(replayed).restricting());
    }
}
