package dev.tollgate.pii.ner;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/** Converts labelled texts into OpenNLP name samples, one per chunk, chunked as the recognizer chunks. */
final class NameSamples {
    private NameSamples() {
    }

    static List<NameSample> of(AnnotatedText text) {
        List<NameSample> samples = new ArrayList<>();
        boolean firstChunk = true;
        for (Span[] chunk : TextChunks.of(text.text())) {
            List<Span> names = new ArrayList<>();
            for (AnnotatedText.Span entity : text.spans()) {
                Span tokens = tokenSpan(chunk, entity);
                if (tokens != null) {
                    names.add(tokens);
                }
            }
            samples.add(new NameSample(TextChunks.strings(text.text(), chunk), names.toArray(Span[]::new),
                    firstChunk));
            firstChunk = false;
        }
        return samples;
    }

    /** The tokens of this chunk that the entity covers exactly, or null. */
    private static Span tokenSpan(Span[] chunk, AnnotatedText.Span entity) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < chunk.length; i++) {
            if (chunk[i].getStart() >= entity.start() && chunk[i].getEnd() <= entity.end()) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0 || chunk[first].getStart() != entity.start() || chunk[last].getEnd() != entity.end()) {
            return null;
        }
        return new Span(first, last + 1, entity.type());
    }
}
