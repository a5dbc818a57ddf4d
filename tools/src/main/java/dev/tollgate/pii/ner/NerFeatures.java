package dev.tollgate.pii.ner;

import java.nio.charset.StandardCharsets;

/**
 * The name finder's feature generator configuration: words, shapes and gazetteer kinds in a window
 * ({@link WordFeatures}), then OpenNLP's definition, previous-map and sentence-start features. No feature cache:
 * the greedy decoder asks for each token's features once.
 */
final class NerFeatures {
    static final String XML = """
            <featureGenerators name="nameFinder">
              <generator class="dev.tollgate.pii.ner.WordFeatures$Factory"/>
              <generator class="opennlp.tools.util.featuregen.DefinitionFeatureGeneratorFactory"/>
              <generator class="opennlp.tools.util.featuregen.PreviousMapFeatureGeneratorFactory"/>
              <generator class="opennlp.tools.util.featuregen.SentenceFeatureGeneratorFactory">
                <bool name="begin">true</bool>
                <bool name="end">false</bool>
              </generator>
            </featureGenerators>
            """;

    private NerFeatures() {
    }

    static byte[] bytes() {
        return XML.getBytes(StandardCharsets.UTF_8);
    }
}
