package dev.tollgate.pii.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class GreedyNameFinderTest {
    @Test
    void findsWhatOpenNlpsBeamSearchOfWidthOneFinds() throws Exception {
        List<NameSample> samples = new ArrayList<>();
        TrainingCorpus.generate(21, 800, TestKnowledge.KNOWLEDGE)
                .forEach(t -> samples.addAll(NameSamples.of(t)));
        TokenNameFinderModel model = NerTrainer.trainModel(samples, 20, TestKnowledge.GAZETTEER, CommonWords.NONE,
                MoreGivenNames.NONE);
        MaxentModel maxent = model.getArtifact("nameFinder.model");
        BeamSearch beam = new BeamSearch(1, maxent);
        SequenceCodec<String> codec = model.getFactory().createSequenceCodec();
        GreedyNameFinder greedy = new GreedyNameFinder(model);
        int names = 0;
        for (AnnotatedText text : TrainingCorpus.generate(22, 150, TestKnowledge.KNOWLEDGE)) {
            for (NameSample sample : NameSamples.of(text)) {
                String[] tokens = sample.getSentence();
                Span[] expected = codec.decode(beam.bestSequence(tokens, null,
                        model.getFactory().createContextGenerator(), codec.createSequenceValidator()).getOutcomes());
                Span[] found = greedy.find(tokens);
                greedy.clearAdaptiveData();
                assertArrayEquals(expected, found, String.join(" ", tokens));
                names += found.length;
            }
        }
        assertTrue(names > 50);
    }
}
