package dev.tollgate.classify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns what a request's texts contain into the categories of its facts (GDPR Art. 4(1), 9(1)).
 *
 * <p>A special category, or finance, is personal data only when the text is about a person: a name or an
 * identifier the PII detector found, or a word of {@code lexicons/data_subject.txt} ("my diabetes", "sa
 * maladie", "the patient"). Without one it is a topic: "What are the common symptoms of influenza?" holds the
 * health topic and no personal data. Confidential business information ({@code lexicons/confidential_business.txt}
 * and {@link CredentialShapes}) needs no person. Declared categories always count as categories, with a person
 * or not: a client can only make the decision stricter.
 */
public final class CategoryResolver {
    public static final String CONFIDENTIAL_BUSINESS = "confidential_business";
    public static final String FINANCE = "finance";

    /** Every category the facts can hold, sorted: the classifier's classes, finance and confidential_business. */
    public static final SortedSet<String> CATEGORIES = Collections.unmodifiableSortedSet(new TreeSet<>(
            Stream.concat(SensitivityClassifier.CLASSES.stream(), Stream.of(FINANCE, CONFIDENTIAL_BUSINESS)).toList()));

    /** Entity types that name no person: a place, a company or a web address does not make a text about someone. */
    private static final Set<String> NOT_A_PERSON = Set.of("LOCATION", "ORGANIZATION", "URL", "DATE_TIME", "NRP");

    private static final int SUBJECT = 1;
    private static final int CONFIDENTIAL = 2;
    private static final int FINANCE_BIT = 4;

    private final SensitivityClassifier classifier;
    private final TermMatcher matcher;

    public CategoryResolver(SensitivityClassifier classifier) {
        this.classifier = classifier;
        List<Term> terms = new ArrayList<>();
        Lexicon.lines("/lexicons/data_subject.txt").forEach(line -> terms.add(Term.parse(line, SUBJECT)));
        Lexicon.lines("/lexicons/confidential_business.txt").forEach(line -> terms.add(Term.parse(line, CONFIDENTIAL)));
        Lexicon.lines("/lexicons/finance.txt").forEach(line -> terms.add(Term.parse(line, FINANCE_BIT)));
        matcher = new TermMatcher(terms);
    }

    /**
     * @param categories      sorted: declared categories, classes about a person, and the classes that need none
     *                        (confidential_business, payment_card, phi)
     * @param topics          sorted special categories and finance found with no person in the text, none declared
     * @param specialCategory true when a GDPR Art. 9 category is among the categories
     */
    public record Categories(List<String> categories, List<String> topics, boolean specialCategory) {
        public Categories {
            categories = List.copyOf(categories);
            topics = List.copyOf(topics);
        }
    }

    /**
     * @param texts       the request's message contents
     * @param entityTypes the types of the PII entities found in them
     * @param declared    the categories the client declared
     */
    public Categories resolve(List<String> texts, Collection<String> entityTypes, Collection<String> declared) {
        TreeSet<String> found = new TreeSet<>();
        boolean aboutAPerson = entityTypes.stream().anyMatch(type -> !NOT_A_PERSON.contains(type));
        for (String text : texts) {
            found.addAll(classifier.classify(text));
            int bits = matcher.match(TextFolding.fold(text));
            aboutAPerson |= (bits & SUBJECT) != 0;
            if ((bits & CONFIDENTIAL) != 0 || CredentialShapes.found(text)) {
                found.add(CONFIDENTIAL_BUSINESS);
            }
            if ((bits & FINANCE_BIT) != 0) {
                found.add(FINANCE);
            }
        }
        TreeSet<String> categories = new TreeSet<>(declared);
        TreeSet<String> topics = new TreeSet<>();
        for (String cls : found) {
            (aboutAPerson || !needsAPerson(cls) ? categories : topics).add(cls);
        }
        topics.removeAll(categories);
        return new Categories(List.copyOf(categories), List.copyOf(topics),
                categories.stream().anyMatch(SensitivityClassifier::isSpecialCategory));
    }

    private static boolean needsAPerson(String cls) {
        return SensitivityClassifier.isSpecialCategory(cls) || FINANCE.equals(cls);
    }
}
