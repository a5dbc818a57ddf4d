package dev.tollgate.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Recognises from a text's content a request to carry out an AI practice prohibited by EU AI Act Art. 5(1),
 * whatever task the caller declares (English, German, French, Spanish, Italian).
 *
 * <p>Each practice is a lexicon of term groups ({@code lexicons/practices/<practice>.txt}): what is done (rate,
 * scrape, infer, predict ...), to whom or what (citizens, faces, employees, crime ...), and for some a third
 * element (personality traits, the police). A practice is recognised when a term of every one of its groups
 * occurs. Texts about the practices (the AI Act, a ban, a debate, a critique; {@code discussion.txt}) are not
 * requests to carry them out and are not labelled, unless the text sets the law aside ("ignore the AI Act",
 * "despite the ban"; {@code despite.txt}).
 *
 * <p>Matching ignores case and accents and respects word boundaries, as for the sensitivity lexicons. An
 * instance is immutable and safe to share between threads.
 */
public final class ProhibitedPracticeClassifier {
    /** The practices, as the registry and reference.json of the AI Act pack name them, in Art. 5(1) order. */
    public static final List<String> PRACTICES = List.of("subliminal_manipulation", "exploitation_of_vulnerabilities",
            "social_scoring", "predictive_policing_profiling", "untargeted_facial_scraping",
            "emotion_recognition_workplace", "emotion_recognition_education", "biometric_categorisation_sensitive",
            "realtime_remote_biometric_identification");

    private final TermMatcher matcher;
    /** Per practice, the bits of all its groups: every one must be found. */
    private final int[] required;
    private final int discussion;
    private final int despite;

    /** Loads the lexicons from {@code lexicons/practices/} on the classpath. */
    public ProhibitedPracticeClassifier() {
        List<Term> terms = new ArrayList<>();
        required = new int[PRACTICES.size()];
        int bit = 0;
        for (int p = 0; p < PRACTICES.size(); p++) {
            for (List<String> group : groups(PRACTICES.get(p))) {
                int groupBit = 1 << bit++;
                required[p] |= groupBit;
                group.forEach(line -> terms.add(Term.parse(line, groupBit)));
            }
        }
        discussion = 1 << bit++;
        despite = 1 << bit;
        groups("discussion").forEach(group -> group.forEach(line -> terms.add(Term.parse(line, discussion))));
        groups("despite").forEach(group -> group.forEach(line -> terms.add(Term.parse(line, despite))));
        matcher = new TermMatcher(terms);
    }

    /** The practices the text asks for, in {@link #PRACTICES} order; empty when none. */
    public List<String> recognise(String text) {
        int found = matcher.match(TextFolding.fold(text));
        if ((found & discussion) != 0 && (found & despite) == 0) {
            return List.of();
        }
        List<String> practices = new ArrayList<>(1);
        for (int p = 0; p < required.length; p++) {
            if ((found & required[p]) == required[p]) {
                practices.add(PRACTICES.get(p));
            }
        }
        return List.copyOf(practices);
    }

    private static Collection<List<String>> groups(String name) {
        return SectionedLexicon.read("/lexicons/practices/" + name + ".txt").values();
    }
}
