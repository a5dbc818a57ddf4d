package dev.tollgate.pii.ner;

import java.util.List;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/** Adds "gaz=first+city"-style features for tokens in the {@link Gazetteer}; windowed by the feature XML. */
public final class GazetteerFeatures implements AdaptiveFeatureGenerator {
    private final Gazetteer gazetteer;

    GazetteerFeatures(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        String kinds = gazetteer.kinds(tokens[index]);
        if (kinds != null) {
            features.add("gaz=" + kinds);
        }
    }

    /** Named by class in the feature generator XML stored in the model, so it needs a public no-arg constructor. */
    public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
        @Override
        public AdaptiveFeatureGenerator create() {
            return new GazetteerFeatures(Gazetteer.shared());
        }
    }
}
