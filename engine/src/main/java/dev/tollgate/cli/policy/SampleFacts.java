package dev.tollgate.cli.policy;

import dev.tollgate.classify.ProhibitedPracticeClassifier;
import dev.tollgate.facts.ContentFacts;
import dev.tollgate.facts.DataFacts;
import dev.tollgate.facts.DestinationFacts;
import dev.tollgate.facts.EntityCount;
import dev.tollgate.facts.Facts;
import dev.tollgate.facts.RequestFacts;
import dev.tollgate.facts.SubjectFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Random facts documents that reach every branch of the shipped packs, drawn from a seed so that a run can be
 * repeated: each category, EEA / adequate / other / unknown countries for the data subject and the controller's
 * establishment, finance and confidential business information, topics without a person, prohibited / Annex III /
 * ordinary use cases and tasks, prohibited practices recognised in content and derived tasks that differ from the
 * declared ones, every routing row and its token and latency edges, every caller role, tenant pins, and
 * destinations of both kinds with every flag. The property-based parity test draws from the same values.
 */
public final class SampleFacts {
    public static final List<String> ART9_CATEGORIES = List.of("biometric", "genetic", "health", "political_opinions",
            "racial_ethnic_origin", "religious_beliefs", "sex_life_orientation", "trade_union_membership");
    public static final List<String> OTHER_CATEGORIES = List.of("payment_card", "phi", "finance", "confidential_business");
    /** What a text may be about with no person in it. */
    public static final List<String> TOPICS = List.of("finance", "health", "genetic", "religious_beliefs");
    public static final List<String> COUNTRIES = List.of(
            "DE", "FR", "IE", "GR", "NO", "LI",      // EEA
            "CH", "GB", "JP", "CA", "UY",            // adequacy decision
            "US", "CN", "IN", "BR",                  // other third countries
            "ZZ");                                   // unknown
    /** Destination countries: every one but the unknown. */
    public static final List<String> DESTINATION_COUNTRIES = COUNTRIES.subList(0, 15);
    public static final List<String> USE_CASES = List.of("none", "insurance_pricing", "claims_handling",
            "social_scoring", "emotion_recognition_workplace", "subliminal_manipulation",
            "credit_scoring", "recruitment", "emergency_triage", "law_enforcement");
    public static final List<String> TASKS = List.of("faq", "classify", "extract", "summarize", "translate", "reasoning",
            "code", "multi_step", "plan", "draft", "write", "chat", "social_scoring", "predictive_policing_profiling");
    public static final List<String> ENTITY_TYPES = List.of("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "LOCATION",
            "IBAN_CODE", "CREDIT_CARD", "US_SSN", "IP_ADDRESS", "DE_TAX_ID", "PASSPORT");
    public static final List<String> ROLES = List.of("staff", "staff", "public");
    public static final List<String> RESIDENCIES = List.of("NONE", "NONE", "EU", "DE", "IE", "US");
    public static final List<String> DESTINATION_IDS = List.of("slm-local", "slm-edge", "cloud-eu", "cloud-us",
            "cloud-ch", "cloud-x");
    /** Token counts at the routing table's edges; half the requests draw one of these, half any count to 4000. */
    public static final List<Integer> TOKEN_EDGES = List.of(0, 1, 256, 257, 512, 513, 1024, 1025, 2048, 2049);
    /** Latency budgets at the edge of the tight-latency row (0: no budget). */
    public static final List<Integer> LATENCY_EDGES = List.of(0, 0, 1, 300, 301);
    /** Observed p95s at and around the latency budgets the requests draw (0: none observed). */
    public static final List<Integer> OBSERVED_P95S = List.of(0, 0, 1, 300, 301, 1500);

    private final SplittableRandom random;

    public SampleFacts(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public Facts next() {
        return new Facts(request(), new SubjectFacts(pick(COUNTRIES)), data(), destinations(), content());
    }

    private RequestFacts request() {
        int tokens = random.nextBoolean() ? pick(TOKEN_EDGES) : random.nextInt(4001);
        int latency = random.nextBoolean() ? pick(LATENCY_EDGES) : random.nextInt(2001);
        return new RequestFacts("claims-assistant", pick(ROLES), "claims_handling", pick(USE_CASES), pick(RESIDENCIES),
                pick(COUNTRIES), pick(TASKS), tokens, "eng", 1, latency, random.nextBoolean());
    }

    private DataFacts data() {
        List<String> entityTypes = List.copyOf(subset(ENTITY_TYPES, 4));
        List<String> categories = List.copyOf(subset(Stream.concat(ART9_CATEGORIES.stream(),
                OTHER_CATEGORIES.stream()).toList(), 3));
        boolean special = categories.stream().anyMatch(ART9_CATEGORIES::contains);
        // personal_data is derived, and sometimes set on its own: the packs must agree on any document.
        boolean personal = special || !entityTypes.isEmpty() || random.nextInt(3) == 0;
        return new DataFacts(personal, entityTypes, entityTypes.stream().map(t -> new EntityCount(t, 1)).toList(),
                categories, special, List.copyOf(subset(TOPICS, 2)));
    }

    private List<DestinationFacts> destinations() {
        Map<String, DestinationFacts> byId = new LinkedHashMap<>();
        int count = random.nextInt(5);
        while (byId.size() < count) {
            String id = pick(DESTINATION_IDS);
            byId.putIfAbsent(id, new DestinationFacts(id, id.startsWith("slm") ? "slm" : "cloud",
                    pick(DESTINATION_COUNTRIES), "provider-" + id, random.nextInt(3) != 0, random.nextInt(3) == 0,
                    random.nextInt(3) == 0, random.nextInt(3) == 0, random.nextInt(4) != 0, random.nextBoolean(),
                    random.nextInt(3) == 0, random.nextInt(3) == 0, pick(OBSERVED_P95S)));
        }
        return List.copyOf(byId.values());
    }

    /** Mostly nothing recognised; a derived task that agrees with, differs from or (in old logs) lacks a declared one. */
    private ContentFacts content() {
        List<String> practices = random.nextInt(5) == 0
                ? List.copyOf(new TreeSet<>(subsetOfSize(ProhibitedPracticeClassifier.PRACTICES, 1 + random.nextInt(2))))
                : List.of();
        return new ContentFacts(practices, random.nextInt(5) == 0 ? null : pick(TASKS));
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Up to max distinct values, sorted. */
    private TreeSet<String> subset(List<String> values, int max) {
        return subsetOfSize(values, random.nextInt(max + 1));
    }

    private TreeSet<String> subsetOfSize(List<String> values, int size) {
        List<String> left = new ArrayList<>(values);
        TreeSet<String> chosen = new TreeSet<>();
        while (chosen.size() < size && !left.isEmpty()) {
            chosen.add(left.remove(random.nextInt(left.size())));
        }
        return chosen;
    }
}
