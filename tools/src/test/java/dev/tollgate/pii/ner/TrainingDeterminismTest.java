package dev.tollgate.pii.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import opennlp.tools.ml.maxent.io.BinaryGISModelWriter;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.namefind.NameSample;
import org.junit.jupiter.api.Test;

/**
 * The model is trained on each machine and cached by a key of its inputs, so the same inputs must give the same
 * model: the same corpus in every JVM (set and map orders differ between runs) and the same weights from every
 * training.
 */
class TrainingDeterminismTest {
    private static final long SEED = 5;
    private static final int TEXTS = 3_000;

    @Test
    void twoTrainingsOnOneCorpusGiveTheSameWeights() throws IOException {
        List<NameSample> samples = new ArrayList<>();
        TrainingCorpus.generate(SEED, 600, TestKnowledge.KNOWLEDGE)
                .forEach(text -> samples.addAll(NameSamples.of(text)));
        byte[] first = weights(samples);
        assertTrue(first.length > 10_000);
        assertArrayEquals(first, weights(samples));
    }

    @Test
    void twoJvmsGenerateTheSameCorpus() throws Exception {
        String first = digestInNewJvm();
        assertEquals(64, first.length());
        assertEquals(first, digestInNewJvm());
        assertEquals(digest(), first);
    }

    private static byte[] weights(List<NameSample> samples) throws IOException {
        AbstractModel model = NerTrainer.trainModel(samples, 30, TestKnowledge.GAZETTEER, CommonWords.NONE,
                        MoreGivenNames.NONE)
                .getArtifact("nameFinder.model");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            new BinaryGISModelWriter(model, out).persist();
        }
        return bytes.toByteArray();
    }

    private static String digestInNewJvm() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CorpusDigest.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.waitFor());
        return out;
    }

    static String digest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (AnnotatedText text : TrainingCorpus.generate(SEED, TEXTS, TestKnowledge.KNOWLEDGE)) {
            sha.update(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Prints the corpus digest; run in a child JVM, which has its own hash seeds. */
    static final class CorpusDigest {
        public static void main(String[] args) throws Exception {
            System.out.println(digest());
        }
    }
}
