package dev.tollgate.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Features of a folded, tokenised text: each word of two or more letters, and each pair of neighbouring
 * words, so "genetic test" and "genetic algorithm" differ although both hold "genetic". Digits-only words
 * (amounts, dates, references) carry no class and are left out. Stateless, so shareable between threads.
 * Public with a public constructor because OpenNLP's DoccatFactory instantiates it by class name.
 */
public final class WordAndPairFeatures implements FeatureGenerator {
    public WordAndPairFeatures() {
    }

    @Override
    public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInfo) {
        List<String> features = new ArrayList<>(words.length * 2);
        String previous = null;
        for (String word : words) {
            if (word.length() < 2 || isDigits(word)) {
                previous = null;
                continue;
            }
            features.add(word);
            if (previous != null) {
                features.add(previous + ' ' + word);
            }
            previous = word;
        }
        return features;
    }

    private static boolean isDigits(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
