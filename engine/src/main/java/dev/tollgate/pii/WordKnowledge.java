package dev.tollgate.pii;

/**
 * What the NER model knows about single words, for {@link NegativeRules}: how common a word is in ordinary text
 * and whether it is a given name. Without a model nothing is known, and the rules that ask keep every finding.
 */
public interface WordKnowledge {
    WordKnowledge NONE = new WordKnowledge() {
        @Override
        public double perMillion(String word) {
            return 0;
        }

        @Override
        public boolean isGivenName(String word) {
            return false;
        }
    };

    /** The word's highest frequency in en, de, fr, es or it text, in occurrences per million words; 0 if unlisted. */
    double perMillion(String word);

    /** The registry's given names list the word (case and diacritics folded). */
    boolean isGivenName(String word);
}
