package dev.tollgate.execute;

import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.decision.DecideRequest.ToolCall;
import dev.tollgate.mask.MaskedText;
import dev.tollgate.mask.Masker;
import dev.tollgate.mask.MaskingSession;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import dev.tollgate.policy.Obligation;
import dev.tollgate.terms.DestinationKind;
import dev.tollgate.terms.ObligationType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The request's messages as each leg of an execution may see them: masked for the on-device model by the mask
 * obligations that apply to it, and for the cloud by those that apply to the cloud. An obligation without
 * {@code applies_to} binds every leg. One masking session serves both legs, so a value has the same placeholder
 * wherever it goes and the answer can be restored whichever leg produced it.
 *
 * <p>Every text bound for the cloud passes the session: the request's messages of every role (their content and
 * the arguments of the tool calls they carry; a tool's result is a message's content), an on-device
 * answer (detected anew, then masked), and, last, whatever message list is actually sent, so that a value or part
 * of one (a surname, an e-mail's local part, a run of an IBAN's digits) that any text revealed is masked in all of
 * them.
 */
final class MaskedLegs {
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
        this.cloudEntities = entities(obligations, DestinationKind.CLOUD);
        Set<String> slmEntities = entities(obligations, DestinationKind.SLM);
        List<List<Finding>> findings = messages.stream().map(m -> detector.recognize(m.content())).toList();
        this.forSlm = mask(messages, findings, slmEntities, maskedForSlm);
        // Masked first, then searched for known values: a part revealed by a later message is masked in an earlier.
        this.forCloud = remasked(mask(messages, findings, cloudEntities, maskedForCloud), maskedForCloud);
    }

    private static Set<String> entities(List<Obligation> obligations, DestinationKind leg) {
        Set<String> entities = new TreeSet<>();
        obligations.stream()
                .filter(o -> o.type() == ObligationType.MASK && (o.appliesTo() == null || o.appliesTo() == leg))
                .forEach(o -> entities.addAll(o.entities()));
        return entities;
    }

    /** Each message's content masked by its findings, and the arguments of its tool calls by theirs. */
    private List<Message> mask(List<Message> messages, List<List<Finding>> findings, Set<String> entities,
                               Map<String, Integer> counts) {
        List<Message> masked = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            List<Finding> found = findings.get(i);
            masked.add(each(m, (text, isContent) -> counted(masker.mask(text,
                    isContent ? found : detector.recognize(text), entities, session), counts)));
        }
        return List.copyOf(masked);
    }

    private List<Message> remasked(List<Message> messages, Map<String, Integer> counts) {
        return messages.stream()
                .map(m -> each(m, (text, isContent) -> counted(session.maskKnownValues(text, cloudEntities), counts)))
                .toList();
    }

    /** The message with its content and every tool call's arguments passed through {@code change}. */
    private static Message each(Message m, BiFunction<String, Boolean, String> change) {
        return m.with(change.apply(m.content(), true), m.toolCalls().stream()
                .map(call -> call.withArguments(change.apply(call.arguments(), false))).toList());
    }

    private static String counted(MaskedText text, Map<String, Integer> counts) {
        count(text, counts);
        return text.text();
    }

    private static void count(MaskedText text, Map<String, Integer> counts) {
        text.spans().forEach(span -> counts.merge(span.type(), 1, Integer::sum));
    }

    List<Message> forSlm() {
        return forSlm;
    }

    /** The request as the cloud may see it. */
    List<Message> forCloud() {
        return forCloud;
    }

    /**
     * An on-device answer made fit for the cloud: whatever the detector finds in it of the cloud's entity types is
     * masked, then every value this request masked, and every part of one, wherever the answer repeats it.
     */
    String forCloud(String onDeviceText) {
        String detected = masker.mask(onDeviceText, detector.recognize(onDeviceText), cloudEntities, session).text();
        return session.maskKnownValues(detected, cloudEntities).text();
    }

    /**
     * Messages about to be sent to the cloud, each searched once more for every value masked so far and its parts:
     * the last pass before anything leaves, after an on-device answer may have revealed values the request's
     * detection missed.
     */
    List<Message> remasked(List<Message> messages) {
        return remasked(messages, new TreeMap<>());
    }

    /**
     * A restored answer as a reviewer may see it: every value the detector finds in it masked, whatever its type,
     * then every value this request masked on either leg, and its parts, wherever the answer repeats it. A value
     * keeps the placeholder it had in the request.
     */
    String forReviewer(String restoredAnswer) {
        List<Finding> findings = detector.recognize(restoredAnswer);
        Set<String> types = new TreeSet<>(maskedForSlm.keySet());
        types.addAll(maskedForCloud.keySet());
        findings.forEach(f -> types.add(f.type()));
        String detected = masker.mask(restoredAnswer, findings, types, session).text();
        return session.maskKnownValues(detected, types).text();
    }

    /** An answer with this request's placeholders replaced by their values. */
    String restore(String answer) {
        return session.restore(answer);
    }

    /** Tool calls of an answer with this request's placeholders in their arguments replaced by their values. */
    List<ToolCall> restore(List<ToolCall> toolCalls) {
        return toolCalls.stream().map(call -> call.withArguments(session.restore(call.arguments()))).toList();
    }

    /**
     * Restores answers that come later (an offline answer's validation): it holds the masking session only, not the
     * messages, since it may be kept in memory for hours.
     */
    UnaryOperator<String> restorer() {
        return session::restore;
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
