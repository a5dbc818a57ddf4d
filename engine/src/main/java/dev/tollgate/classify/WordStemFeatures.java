package dev.tollgate.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The stem of each longer word, taken as its first {@value #STEM} letters, so that inflected forms share a feature:
 * Italian "diabetico", "diabetica", "diabetici" and German "gewerkschaftlich", "Gewerkschafter" meet where the
 * word features ({@link WordAndPairFeatures}) see unrelated words. Words shorter than {@value #MIN_LENGTH} letters
 * give none: their first letters are too common to say anything. Stateless; public with a public constructor for
 * OpenNLP's DoccatFactory.
 */
public final class WordStemFeatures implements FeatureGenerator {
    private static final int STEM = 5;
    private static final int MIN_LENGTH = 7;

    public WordStemFeatures() {
    }

    @Override
    public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInfo) {
        List<String> features = new ArrayList<>(words.length);
        for (String word : words) {
            if (word.length() >= MIN_LENGTH && Character.isLetter(word.charAt(0))) {
                features.add("stem=" + word.substring(0, STEM));
            }
        }
        return features;
    }
}
