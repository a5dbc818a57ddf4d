package dev.tollgate.pii;

/** The case of a single word's letters, shared by the NER recognizer and the rules that read its findings. */
public final class WordCase {
    private WordCase() {
    }

    /** An upper-case letter followed by at least one letter, all lower case ("Sugar"; not "S", "SUGAR", "McKay"). */
    public static boolean isTitleCase(String word) {
        if (word.length() < 2 || !Character.isUpperCase(word.charAt(0))) {
            return false;
        }
        for (int i = 1; i < word.length(); i++) {
            if (!Character.isLowerCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
