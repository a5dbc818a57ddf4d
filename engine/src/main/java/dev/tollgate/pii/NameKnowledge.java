package dev.tollgate.pii;

/**
 * Whether a recognizer's word lists know a word as a given name or surname. {@link NegativeRules} asks before it
 * trusts a speaker label that has no second speaker to stand by it.
 */
@FunctionalInterface
public interface NameKnowledge {
    /** No lists: every capitalised word may be a name. */
    NameKnowledge NONE = word -> true;

    boolean isName(String word);
}
