package dev.tollgate.pii.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * Given names the gazetteer's list covers thinly (West, East and South Africa, Latin America: "Chukwuemeka", "Kwabena",
 * "Thiago"), from PyPI {@code faker}'s person providers (NerTrainer), stored in the model as the artifact
 * {@link #ARTIFACT}. No feature reads them, so the weights do not depend on them; {@link NerRecognizer} asks them
 * only whether a full name heading a sentence starts with a given name. Folded as the gazetteer folds.
 */
final class MoreGivenNames implements SerializableArtifact {
    static final String ARTIFACT = "tollgate.more-given-names";
    static final MoreGivenNames NONE = new MoreGivenNames(Set.of());

    private final Set<String> folded;

    private MoreGivenNames(Set<String> folded) {
        this.folded = Set.copyOf(folded);
    }

    static MoreGivenNames of(Collection<String> names) {
        Set<String> folded = new HashSet<>();
        names.forEach(name -> folded.add(Gazetteer.fold(name)));
        return new MoreGivenNames(folded);
    }

    boolean contains(String word) {
        return folded.contains(Gazetteer.fold(word));
    }

    @Override
    public Class<?> getArtifactSerializerClass() {
        return Serializer.class;
    }

    /** Writes one folded name a line, in order; named in the model manifest. */
    public static final class Serializer implements ArtifactSerializer<MoreGivenNames> {
        @Override
        public MoreGivenNames create(InputStream in) throws IOException {
            Set<String> folded = new HashSet<>();
            // Not closed: the stream is the model archive's, which OpenNLP reads on after this entry.
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                folded.add(line);
            }
            return new MoreGivenNames(folded);
        }

        @Override
        public void serialize(MoreGivenNames names, OutputStream out) throws IOException {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (String name : new TreeSet<>(names.folded)) {
                writer.write(name + "\n");
            }
            writer.flush();
        }
    }
}
