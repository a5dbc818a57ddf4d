package dev.tollgate.pii.ner;

import dev.tollgate.pii.DetectionWork;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import dev.tollgate.pii.WordKnowledge;
import dev.tollgate.pii.WordList;
import dev.tollgate.pii.WordCase;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * PERSON, LOCATION and ORGANIZATION from the project's trained OpenNLP name finder (NerTrainer, tools module).
 * Scores are the model's span probabilities. A {@link GreedyNameFinder} keeps per-document state and is not
 * thread-safe, so each call borrows one from a pool and returns it cleared; the model itself is shared.
 */
public final class NerRecognizer implements Recognizer, WordKnowledge {
    public static final String SOURCE = "opennlp";

    /**
     * How far below the minimum score a span is still kept when the model's gazetteer knows it: a person of two
     * words or more whose first word is a given name, a place all of whose words are city or country words (the
     * model is unsure of a city before a verb: "nach Tromsø gezogen"). A single given name is not enough: "Rain",
     * "Mat" and "Autumn" are given names too.
     */
    static final double KNOWN_NAME_MARGIN = 0.1;

    /** The score of a full name heading a sentence (0.55 and 0.6 measured alike on the dev material). */
    static final double HEADING_NAME_SCORE = 0.6;
    private static final Set<String> SENTENCE_STARTERS = WordList.load("sentence-starters.txt");

    private final TokenNameFinderModel model;
    private final double minScore;
    private final Gazetteer gazetteer;
    private final CommonWords commonWords;
    private final MoreGivenNames moreGivenNames;
    private final ConcurrentLinkedQueue<GreedyNameFinder> pool = new ConcurrentLinkedQueue<>();

    public NerRecognizer(TokenNameFinderModel model, double minScore) {
        this.model = Objects.requireNonNull(model, "model");
        this.minScore = minScore;
        this.gazetteer = model.getArtifact(Gazetteer.ARTIFACT);
        this.commonWords = Objects.requireNonNullElse(model.getArtifact(CommonWords.ARTIFACT), CommonWords.NONE);
        this.moreGivenNames = Objects.requireNonNullElse(model.getArtifact(MoreGivenNames.ARTIFACT),
                MoreGivenNames.NONE);
    }

    /** Loads a model written by NerTrainer, keeping findings scored at least {@code minScore}. */
    public static NerRecognizer load(Path modelFile, double minScore) throws IOException {
        try (InputStream in = Files.newInputStream(modelFile)) {
            return new NerRecognizer(new TokenNameFinderModel(in), minScore);
        }
    }

    @Override
    public List<Finding> recognize(String text) {
        Objects.requireNonNull(text, "text");
        GreedyNameFinder finder = pool.poll();
        if (finder == null) {
            finder = new GreedyNameFinder(model);
        }
        try {
            return find(finder, text);
        } finally {
            finder.clearAdaptiveData();
            pool.offer(finder);
        }
    }

    private List<Finding> find(GreedyNameFinder finder, String text) {
        List<Finding> findings = new ArrayList<>();
        for (Span[] sentence : TextChunks.of(text)) {
            int foundBefore = findings.size();
            for (Span[] window : TextChunks.nameWindows(text, sentence)) {
                addNames(finder, text, window, findings);
            }
            addHeadingName(text, sentence, findings, foundBefore);
        }
        return findings;
    }

    /**
     * A full name heading a sentence, which the model rarely proposes (any capitalised word there looks alike to it):
     * a given name its gazetteer or its {@link MoreGivenNames} list and a capitalised word, followed by a lower-case
     * word ("Ludovica Ferrante guida ...", "Jack Stone moved ..."), unless the model found something there or the
     * first word is a function word heading a sentence ("Mein Sohn studiert ..."; "Mein" is a given name somewhere).
     */
    private void addHeadingName(String text, Span[] sentence, List<Finding> findings, int foundBefore) {
        if (sentence.length < 3) {
            return;
        }
        String[] words = TextChunks.strings(text, Arrays.copyOf(sentence, 3));
        if (!WordCase.isTitleCase(words[0]) || !WordCase.isTitleCase(words[1])
                || !Character.isLowerCase(words[2].charAt(0))
                || !(listed(words[0], "first") || moreGivenNames.contains(words[0]))
                || SENTENCE_STARTERS.contains(words[0].toLowerCase(Locale.ROOT))) {
            return;
        }
        for (int i = foundBefore; i < findings.size(); i++) {
            if (findings.get(i).start() < sentence[1].getEnd()) {
                return;
            }
        }
        findings.add(new Finding("PERSON", sentence[0].getStart(), sentence[1].getEnd(), HEADING_NAME_SCORE, SOURCE,
                "a listed given name and a capitalised word heading a sentence"));
    }

    private void addNames(GreedyNameFinder finder, String text, Span[] tokens, List<Finding> findings) {
        DetectionWork.add(tokens.length);
        String[] words = TextChunks.strings(text, tokens);
        for (Span name : finder.find(words)) {
            double score = Math.round(name.getProb() * 1000) / 1000.0;
            int start = tokens[name.getStart()].getStart();
            int end = tokens[name.getEnd() - 1].getEnd();
            // A name, place or organisation has a letter that is not lower case: a span of digits is a number the
            // model misread (it would otherwise outrank the phone or account number a pattern recognizer
            // validated), and a lower-case word ("the ferry back", "la vida") is one the context misled it on; the
            // corpus never labels one.
            // Nor does a name hold angle brackets: those spans run into a placeholder such as <PERSON_1>.
            if (kept(name, score, words) && hasCapitalOrUncasedLetter(text, start, end)
                    && !hasAngleBracket(text, start, end)) {
                findings.add(new Finding(name.getType(), start, end, score, SOURCE, "OpenNLP name finder"));
            }
        }
    }

    private boolean kept(Span name, double score, String[] words) {
        if (score >= minScore) {
            return true;
        }
        if (score < minScore - KNOWN_NAME_MARGIN) {
            return false;
        }
        return switch (name.getType()) {
            case "PERSON" -> name.length() > 1 && listed(words[name.getStart()], "first");
            case "LOCATION" -> {
                for (int i = name.getStart(); i < name.getEnd(); i++) {
                    if (!listed(words[i], "city") && !listed(words[i], "country")) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> false;
        };
    }

    @Override
    public double perMillion(String word) {
        return commonWords.perMillion(word);
    }

    @Override
    public boolean isGivenName(String word) {
        return listed(word, "first");
    }

    private boolean listed(String word, String kind) {
        String kinds = gazetteer.kinds(word);
        return kinds != null && kinds.contains(kind);
    }

    private static boolean hasAngleBracket(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == '<' || text.charAt(i) == '>') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCapitalOrUncasedLetter(String text, int start, int end) {
        return text.substring(start, end).codePoints()
                .anyMatch(c -> Character.isLetter(c) && !Character.isLowerCase(c));
    }
}
