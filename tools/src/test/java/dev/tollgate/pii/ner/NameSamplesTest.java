package dev.tollgate.pii.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class NameSamplesTest {
    @Test
    void entitySpansBecomeTokenSpansAndLineBreaksSplitChunks() {
        AnnotatedText text = new AnnotatedText.Builder("de").text("Viele Grüße\n").entity("PERSON", "Anna Schmidt")
                .text("\n").entity("ORGANIZATION", "Müller GmbH & Co. KG").build();
        List<NameSample> samples = NameSamples.of(text);
        assertEquals(3, samples.size());
        assertTrue(samples.get(0).isClearAdaptiveDataSet());
        assertArrayEquals(new Span[] {new Span(0, 2, "PERSON")}, samples.get(1).getNames());
        assertArrayEquals(new Span[] {new Span(0, 6, "ORGANIZATION")}, samples.get(2).getNames());
    }

    @Test
    void aSentenceEndsAfterAFullStopOnlyAfterALongerWord() {
        List<Span[]> chunks = TextChunks.of("Dr. Weber kommt. Dann geht er.");
        assertEquals(2, chunks.size());
        assertEquals(5, chunks.get(0).length);
    }
}
