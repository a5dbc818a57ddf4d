package dev.tollgate.pii.ner;

import dev.tollgate.testing.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The registry knowledge in the repository's .cache (scripts/knowledge.sh), and its gazetteer, loaded once. */
final class TestKnowledge {
    static final RegistryKnowledge KNOWLEDGE = load();
    static final Gazetteer GAZETTEER = GazetteerBuilder.build(KNOWLEDGE);

    private TestKnowledge() {
    }

    private static RegistryKnowledge load() {
        try {
            return RegistryKnowledge.load(RegistryKnowledge.directory(Repo.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
