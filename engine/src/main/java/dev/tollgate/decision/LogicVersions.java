package dev.tollgate.decision;

import dev.tollgate.policy.ClassPathDigest;
import dev.tollgate.policy.PackDigest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The versions of the code and models that make a decision, logged beside the policy digests, each a content
 * digest ({@code sha256:}, as a policy version) so that nobody has to remember to raise a number:
 * <ul>
 * <li>{@value #COMBINER}: the class files replay runs between the engines' verdicts and the outcome (the combiner,
 * the policy evaluation, the task readings, the fail-closed reasons). Replay compares it to tell a decision changed
 * by this logic from a mismatch;</li>
 * <li>{@code detectors}: every class file of {@code dev/tollgate/pii} (recognizers, NER features, the Presidio
 * client);</li>
 * <li>{@code classifiers}: every class file of {@code dev/tollgate/classify} and the lexicons they read;</li>
 * <li>{@code ner_model}: the NER model file, when one is loaded.</li>
 * </ul>
 * Replay never runs the detectors or classifiers (it re-decides the logged facts), so their versions explain where
 * a decision's facts came from; only the combiner's version can explain a different replayed outcome. A class file
 * is what the compiler made of the source: a rebuild with another compiler counts as other logic.
 */
public final class LogicVersions {
    public static final String COMBINER = "combiner";
    private static final List<Class<?>> COMBINER_CLASSES = List.of(Combiner.class, PolicyEvaluation.class,
            TaskReadings.class, FailClosed.class);

    private LogicVersions() {
    }

    /** The combiner's version in this build. */
    public static String combiner() {
        return Built.COMBINER_VERSION;
    }

    /** Every version, the NER model's when one is loaded. */
    public static Map<String, String> of(Optional<Path> nerModel) {
        Map<String, String> versions = new TreeMap<>(Built.CODE_VERSIONS);
        nerModel.map(Path::toAbsolutePath).ifPresent(model -> versions.put("ner_model", PackDigest.of(model.getParent(),
                List.of(model.getFileName()))));
        return versions;
    }

    /** Computed once: the class path does not change while the service runs. */
    private static final class Built {
        static final String COMBINER_VERSION;
        static final Map<String, String> CODE_VERSIONS;

        static {
            CODE_VERSIONS = Map.of(
                    COMBINER, ClassPathDigest.ofClasses(COMBINER_CLASSES),
                    "detectors", ClassPathDigest.of("dev/tollgate/pii"),
                    "classifiers", ClassPathDigest.of("dev/tollgate/classify", "lexicons"));
            COMBINER_VERSION = CODE_VERSIONS.get(COMBINER);
        }
    }
}
