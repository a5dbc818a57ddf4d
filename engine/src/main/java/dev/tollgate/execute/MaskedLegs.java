package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.mask.MaskedSpan;
import dev.tollgate.mask.MaskedText;
import dev.tollgate.mask.Masker;
import dev.tollgate.mask.MaskingSession;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import dev.tollgate.policy.Obligation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The request's messages as each leg of an execution may see them: masked for the on-device model by the mask
 * obligations that apply to it, and for the cloud by those that apply to the cloud. An obligation without
 * {@code applies_to} binds every leg. One masking session serves both legs, so a value has the same placeholder
 * wherever it goes and the answer can be restored whichever leg produced it.
 */
final class MaskedLegs {
    private static final String MASK = "mask";
    private static final String SLM = "slm";
    private static final String CLOUD = "cloud";

    private final MaskingSession session = new MaskingSession();
    private final List<Message> forSlm;
    private final List<Message> forCloud;
    private final Map<String, Integer> maskedForSlm = new TreeMap<>();
    private final Map<String, Integer> maskedForCloud = new TreeMap<>();
    private final Recognizer detector;
    private final Masker masker;
    private final Set<String> cloudEntities;

    MaskedLegs(List<Message> messages, List<Obligation> obligations, Recognizer detector, Masker masker) {
        this.detector = detector;
        this.masker = masker;
        this.cloudEntities = entities(obligations, CLOUD);
        Set<String> slmEntities = entities(obligations, SLM);
        List<List<Finding>> findings = messages.stream().map(m -> detector.recognize(m.content())).toList();
        this.forSlm = mask(messages, findings, slmEntities, maskedForSlm);
        this.forCloud = mask(messages, findings, cloudEntities, maskedForCloud);
    }

    private static Set<String> entities(List<Obligation> obligations, String leg) {
        Set<String> entities = new TreeSet<>();
        obligations.stream()
                .filter(o -> MASK.equals(o.type()) && (o.appliesTo() == null || o.appliesTo().equals(leg)))
                .forEach(o -> entities.addAll(o.entities()));
        return entities;
    }

    private List<Message> mask(List<Message> messages, List<List<Finding>> findings, Set<String> entities,
                               Map<String, Integer> counts) {
        List<Message> masked = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            MaskedText text = masker.mask(m.content(), findings.get(i), entities, session);
            text.spans().stream().map(MaskedSpan::type).forEach(type -> counts.merge(type, 1, Integer::sum));
            masked.add(new Message(m.role(), text.text()));
        }
        return List.copyOf(masked);
    }

    List<Message> forSlm() {
        return forSlm;
    }

    List<Message> forCloud() {
        return forCloud;
    }

    /**
     * An on-device answer made fit for the cloud: values the request masked are masked again wherever the answer
     * repeats them, and whatever else the detector finds of the cloud's entity types is masked too.
     */
    String forCloud(String slmAnswer) {
        String known = session.maskKnownValues(slmAnswer);
        return masker.mask(known, detector.recognize(known), cloudEntities, session).text();
    }

    /** An answer with this request's placeholders replaced by their values. */
    String restore(String answer) {
        return session.restore(answer);
    }

    /** Whether no value was masked on either leg, so that no answer can hold a placeholder to restore. */
    boolean restoresNothing() {
        return session.size() == 0;
    }

    /** Entities masked per type in what the legs that ran were sent. */
    Map<String, Integer> masked(boolean cloudLegRan) {
        return Collections.unmodifiableMap(cloudLegRan ? maskedForCloud : maskedForSlm);
    }
}
