package dev.tollgate.execute;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How far answers sampled for the same request agree: the mean, over every pair of answers, of the Jaccard index of
 * their word sets (|A ∩ B| / |A ∪ B|). Words are runs of letters (with their marks) and digits of the answer in
 * Unicode NFKC, lower case, so case, punctuation, spacing and word order do not count; two empty answers agree
 * fully. 1 when every answer has the same words, 0 when no two share one.
 */
final class Agreement {
    private Agreement() {
    }

    static double of(List<String> answers) {
        if (answers.size() < 2) {
            throw new IllegalArgumentException("agreement needs two answers or more, not " + answers.size());
        }
        List<Set<String>> words = answers.stream().map(Agreement::words).toList();
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < words.size(); i++) {
            for (int j = i + 1; j < words.size(); j++) {
                sum += jaccard(words.get(i), words.get(j));
                pairs++;
            }
        }
        return sum / pairs;
    }

    static Set<String> words(String answer) {
        String normal = Normalizer.normalize(answer, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return Arrays.stream(normal.split("[^\\p{L}\\p{M}\\p{N}]+")).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }
}
