package dev.tollgate.decision;

import dev.tollgate.classify.CategoryResolver;
import dev.tollgate.classify.ProhibitedPracticeClassifier;
import dev.tollgate.classify.SensitivityClassifier;
import dev.tollgate.classify.TaskTypeClassifier;
import dev.tollgate.config.Application;
import dev.tollgate.config.Destination;
import dev.tollgate.config.DestinationCatalog;
import dev.tollgate.facts.ContentFacts;
import dev.tollgate.facts.DataFacts;
import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.EntityCount;
import dev.tollgate.facts.EntityFinding;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.Findings;
import dev.tollgate.facts.LanguageIdentifier;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.facts.SubjectFacts;
import dev.tollgate.facts.TokenCounter;
import dev.tollgate.pii.DetectorUnavailableException;
import dev.tollgate.pii.Recognizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/** Builds the facts document server-side from the registry, the catalog and what the text contains. */
public final class FactsBuilder {
    private final DestinationCatalog catalog;
    private final Recognizer pii;
    private final CategoryResolver categories;
    private final LanguageIdentifier languages;
    private final ProhibitedPracticeClassifier practices;
    private final TaskTypeClassifier tasks;
    private final Predicate<Application> budgetSpent;
    private final ToIntFunction<String> observedP95Ms;

    public FactsBuilder(DestinationCatalog catalog, Recognizer pii, SensitivityClassifier classifier,
                        LanguageIdentifier languages) {
        this(catalog, pii, classifier, languages, new ProhibitedPracticeClassifier(), new TaskTypeClassifier(),
                app -> false, destination -> 0);
    }

    /**
     * @param budgetSpent   whether an application's monthly cloud token budget is spent
     * @param observedP95Ms a destination's recent p95 answer time in milliseconds, 0 when none was observed
     */
    public FactsBuilder(DestinationCatalog catalog, Recognizer pii, SensitivityClassifier classifier,
                        LanguageIdentifier languages, ProhibitedPracticeClassifier practices, TaskTypeClassifier tasks,
                        Predicate<Application> budgetSpent, ToIntFunction<String> observedP95Ms) {
        this.catalog = catalog;
        this.pii = pii;
        this.categories = new CategoryResolver(classifier);
        this.languages = languages;
        this.practices = practices;
        this.tasks = tasks;
        this.budgetSpent = budgetSpent;
        this.observedP95Ms = observedP95Ms;
    }

    /** @param unavailableDetectors required detectors that did not answer: the decision must fail closed */
    public record Built(Facts facts, Findings findings, List<String> unavailableDetectors) {
    }

    public Built build(Application app, DecideRequest request) {
        List<EntityFinding> entities = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        TreeSet<String> unavailable = new TreeSet<>();
        for (int i = 0; i < request.messages().size(); i++) {
            String content = request.messages().get(i).text();
            int message = i;
            try {
                pii.recognize(content).forEach(f -> entities.add(EntityFinding.of(message, f)));
            } catch (DetectorUnavailableException e) {
                unavailable.add(e.detector());
            }
            texts.add(content);
            all.append(content).append('\n');
        }
        String text = all.toString();
        RequestFacts requestFacts = new RequestFacts(app.id(), app.callerRole(), app.purpose(), app.aiActUseCase(),
                app.tenantResidency(), app.controllerEstablishment(), request.taskType(), TokenCounter.count(text),
                languages.identify(text), request.messages().size(), latencyBudget(app, request),
                budgetSpent.test(app));
        String country = request.subjectCountry() == null ? SubjectFacts.UNKNOWN_COUNTRY : request.subjectCountry();
        Map<String, Integer> counts = new TreeMap<>();
        entities.forEach(e -> counts.merge(e.type(), 1, Integer::sum));
        CategoryResolver.Categories found = categories.resolve(texts, counts.keySet(), request.hintCategories());
        ContentFacts content = new ContentFacts(practices.recognise(text), tasks.derive(text));
        Facts facts = new Facts(requestFacts, new SubjectFacts(country), data(counts, found), destinations(app),
                content);
        return new Built(facts, new Findings(entities, found.categories()), List.copyOf(unavailable));
    }

    /** The stricter of the caller's hint and the application's SLA; 0 when neither is given. */
    private static int latencyBudget(Application app, DecideRequest request) {
        int hint = request.maxLatencyMs();
        Integer sla = app.latencySlaMs();
        if (sla == null) {
            return hint;
        }
        return hint == 0 ? sla : Math.min(hint, sla);
    }

    /** Personal data: an entity, or a special category about a person; a topic alone is none. */
    private static DataFacts data(Map<String, Integer> counts, CategoryResolver.Categories found) {
        List<EntityCount> entityCounts = counts.entrySet().stream()
                .map(e -> new EntityCount(e.getKey(), e.getValue())).toList();
        boolean personal = !counts.isEmpty() || found.specialCategory();
        return new DataFacts(personal, List.copyOf(counts.keySet()), entityCounts, found.categories(),
                found.specialCategory(), found.topics());
    }

    private List<DestinationFacts> destinations(Application app) {
        return catalog.destinations().stream().map(d -> facts(d, app)).toList();
    }

    private DestinationFacts facts(Destination d, Application app) {
        return new DestinationFacts(d.id(), d.kind().wire(), d.country(), d.provider(), d.dpaSigned(), d.trainsOnData(),
                d.sccSigned(), d.dpfCertified(), app.permittedDestinations().contains(d.id()),
                app.highRiskApprovedDestinations().contains(d.id()),
                app.confidentialApprovedDestinations().contains(d.id()),
                app.regulatedApprovedDestinations().contains(d.id()), observedP95Ms.applyAsInt(d.id()));
    }
}
