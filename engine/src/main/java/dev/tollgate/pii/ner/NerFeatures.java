package dev.tollgate.pii.ner;

import java.nio.charset.StandardCharsets;

/** The name finder's feature generator configuration: OpenNLP's defaults plus windowed gazetteer features. */
final class NerFeatures {
    static final String XML = """
            <featureGenerators cache="true" name="nameFinder">
              <generator class="opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory">
                <int name="prevLength">2</int>
                <int name="nextLength">2</int>
                <generator class="opennlp.tools.util.featuregen.TokenClassFeatureGeneratorFactory"/>
              </generator>
              <generator class="opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory">
                <int name="prevLength">2</int>
                <int name="nextLength">2</int>
                <generator class="opennlp.tools.util.featuregen.TokenFeatureGeneratorFactory">
                  <bool name="lowercase">true</bool>
                </generator>
              </generator>
              <generator class="opennlp.tools.util.featuregen.WindowFeatureGeneratorFactory">
                <int name="prevLength">1</int>
                <int name="nextLength">1</int>
                <generator class="dev.tollgate.pii.ner.GazetteerFeatures$Factory"/>
              </generator>
              <generator class="opennlp.tools.util.featuregen.DefinitionFeatureGeneratorFactory"/>
              <generator class="opennlp.tools.util.featuregen.PreviousMapFeatureGeneratorFactory"/>
              <generator class="opennlp.tools.util.featuregen.BigramNameFeatureGeneratorFactory"/>
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
