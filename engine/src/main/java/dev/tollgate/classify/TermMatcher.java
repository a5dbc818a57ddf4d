package dev.tollgate.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds which classes' terms occur in a text, reading each word once.
 *
 * <p>Terms are indexed by their first word in two character tries: one read forwards (whole words
 * and prefixes) and one read backwards (suffixes). Walking a text word down a trie visits every
 * term whose first word can match it; only multi-word terms then compare the following words.
 * No string is allocated per word.
 */
final class TermMatcher {
    private final Node forward;
    private final Node backward;

    TermMatcher(List<Term> terms) {
        Builder forwardBuilder = new Builder();
        Builder backwardBuilder = new Builder();
        for (Term term : terms) {
            WordPattern first = term.words().get(0);
            switch (first.kind()) {
                case WORD -> forwardBuilder.at(first.text()).whole.add(term);
                case PREFIX -> forwardBuilder.at(first.text()).partial.add(term);
                case SUFFIX -> backwardBuilder.at(new StringBuilder(first.text()).reverse().toString()).partial.add(term);
            }
        }
        forward = forwardBuilder.build();
        backward = backwardBuilder.build();
    }

    /** The OR of {@link Term#classBit()} over all terms that occur in the folded text. */
    int match(String folded) {
        return match(Tokens.of(folded));
    }

    int match(Tokens tokens) {
        String text = tokens.text();
        int found = 0;
        for (int i = 0; i < tokens.count(); i++) {
            int start = tokens.start(i);
            int end = tokens.end(i);
            Node node = forward;
            for (int p = start; p < end && node != null; p++) {
                node = node.child(text.charAt(p));
                if (node != null) {
                    found = collect(node.partial, tokens, i, found);
                    if (p == end - 1) {
                        found = collect(node.whole, tokens, i, found);
                    }
                }
            }
            node = backward;
            for (int p = end - 1; p >= start && node != null; p--) {
                node = node.child(text.charAt(p));
                if (node != null) {
                    found = collect(node.partial, tokens, i, found);
                }
            }
        }
        return found;
    }

    private static int collect(Term[] terms, Tokens tokens, int index, int found) {
        for (Term term : terms) {
            if ((found & term.classBit()) == 0 && (term.words().size() == 1 || term.restMatches(tokens, index))) {
                found |= term.classBit();
            }
        }
        return found;
    }

    private static final class Node {
        private static final Term[] NONE = new Term[0];

        private final char[] keys;
        private final Node[] children;
        private final Term[] whole;
        private final Term[] partial;

        private Node(char[] keys, Node[] children, Term[] whole, Term[] partial) {
            this.keys = keys;
            this.children = children;
            this.whole = whole;
            this.partial = partial;
        }

        Node child(char c) {
            int at = Arrays.binarySearch(keys, c);
            return at >= 0 ? children[at] : null;
        }
    }

    private static final class Builder {
        private final Map<Character, Builder> children = new TreeMap<>();
        private final List<Term> whole = new ArrayList<>();
        private final List<Term> partial = new ArrayList<>();

        Builder at(String path) {
            Builder node = this;
            for (int i = 0; i < path.length(); i++) {
                node = node.children.computeIfAbsent(path.charAt(i), c -> new Builder());
            }
            return node;
        }

        Node build() {
            char[] keys = new char[children.size()];
            Node[] built = new Node[children.size()];
            int i = 0;
            for (Map.Entry<Character, Builder> child : children.entrySet()) {
                keys[i] = child.getKey();
                built[i++] = child.getValue().build();
            }
            return new Node(keys, built, terms(whole), terms(partial));
        }

        private static Term[] terms(List<Term> terms) {
            return terms.isEmpty() ? Node.NONE : terms.toArray(Term[]::new);
        }
    }
}
