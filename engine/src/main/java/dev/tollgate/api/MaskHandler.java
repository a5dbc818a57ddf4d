package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.mask.HashKey;
import dev.tollgate.mask.MaskedSpan;
import dev.tollgate.mask.MaskedText;
import dev.tollgate.mask.Masker;
import dev.tollgate.mask.MaskingSession;
import dev.tollgate.mask.Operator;
import dev.tollgate.pii.DetectorUnavailableException;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * POST /v1/mask: detects PII in the messages and masks the requested entity types (every detected type when
 * "entities" is absent or empty), each with its operator ("replace" unless "operators" says otherwise).
 * Placeholders are consistent across all messages of the request; the mapping back to the values is dropped
 * with the request and never returned. Checks and problems as /v1/decide: 401, 415, 413, 400, then 422 with
 * every invalid field's JSON Pointer; 503 when a required detector does not answer, as nothing can be masked safely.
 */
public final class MaskHandler implements Handler {
    private static final Pattern ENTITY_TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final String OPERATOR_NAMES = String.join(", ",
            Arrays.stream(Operator.values()).map(Operator::id).toList());

    private final RequestGuard guard;
    private final Recognizer detector;
    private final HashKey hashKey;

    public MaskHandler(ApplicationRegistry registry, Recognizer detector, HashKey hashKey,
                       long maxBodyBytes) {
        this.guard = new RequestGuard(registry, maxBodyBytes);
        this.detector = detector;
        this.hashKey = hashKey;
    }

    /** Offsets count UTF-16 code units of the masked content of message number {@code message}. */
    record Masked(String type, String operator, String placeholder, int message, int start, int end) {
    }

    record MaskResponse(List<Message> messages, List<Masked> masked, Map<String, Integer> entityCounts) {
    }

    private record MaskRequest(List<Message> messages, Set<String> entities, Map<String, Operator> operators) {
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        MaskRequest request = parse(guard.check(req).body());
        List<List<Finding>> findings = new ArrayList<>();
        Set<String> detected = new TreeSet<>();
        for (Message m : request.messages()) {
            List<Finding> found = recognize(m.content());
            found.forEach(f -> detected.add(f.type()));
            findings.add(found);
        }
        Set<String> entities = request.entities().isEmpty() ? detected : request.entities();
        Masker masker = new Masker(request.operators(), hashKey);
        MaskingSession session = new MaskingSession();
        List<Message> messages = new ArrayList<>();
        List<Masked> masked = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < request.messages().size(); i++) {
            Message m = request.messages().get(i);
            MaskedText text = masker.mask(m.content(), findings.get(i), entities, session);
            messages.add(new Message(m.role(), text.text()));
            for (MaskedSpan s : text.spans()) {
                masked.add(new Masked(s.type(), s.operator().id(), s.replacement(), i, s.start(), s.end()));
                counts.merge(s.type(), 1, Integer::sum);
            }
        }
        Responses.json(res, 200, new MaskResponse(messages, masked, counts));
    }

    private List<Finding> recognize(String text) {
        try {
            return detector.recognize(text);
        } catch (DetectorUnavailableException e) {
            throw DetectorProblems.unavailable();
        }
    }

    private static MaskRequest parse(byte[] body) {
        JsonNode root = JsonBodies.readObject(body);
        List<FieldError> errors = new ArrayList<>();
        List<Message> messages = JsonBodies.messages(root, errors);
        Set<String> entities = entities(root, errors);
        Map<String, Operator> operators = operators(root, errors);
        if (!errors.isEmpty()) {
            throw JsonBodies.invalid(errors);
        }
        return new MaskRequest(messages, entities, operators);
    }

    private static Set<String> entities(JsonNode root, List<FieldError> errors) {
        JsonNode entities = optional(root, "entities", JsonNode::isArray, "must be an array of entity types", errors);
        if (entities == null) {
            return Set.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < entities.size(); i++) {
            Optional<String> type = entityType(entities.get(i));
            if (type.isEmpty()) {
                errors.add(new FieldError("/entities/" + i,
                        "must be an entity type matching " + ENTITY_TYPE.pattern()));
            } else {
                result.add(type.get());
            }
        }
        return result;
    }

    private static Map<String, Operator> operators(JsonNode root, List<FieldError> errors) {
        JsonNode operators = optional(root, "operators", JsonNode::isObject,
                "must be an object from entity type to operator", errors);
        if (operators == null) {
            return Map.of();
        }
        Map<String, Operator> result = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = operators.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!ENTITY_TYPE.matcher(e.getKey()).matches()) {
                // The pointer would quote the key, which may be anything the caller typed.
                errors.add(new FieldError("/operators", "every key must be an entity type matching "
                        + ENTITY_TYPE.pattern()));
                continue;
            }
            String at = "/operators/" + e.getKey();
            Optional<Operator> operator = e.getValue().isTextual() ? Operator.named(e.getValue().asText())
                    : Optional.empty();
            if (operator.isEmpty()) {
                errors.add(new FieldError(at, "must be one of " + OPERATOR_NAMES));
            } else {
                result.put(e.getKey(), operator.get());
            }
        }
        return result;
    }

    /** The field when it is sent with the right shape; null when it is absent, null or (error added) misshapen. */
    private static JsonNode optional(JsonNode root, String field, Predicate<JsonNode> shape, String mustBe,
                                     List<FieldError> errors) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!shape.test(node)) {
            errors.add(new FieldError("/" + field, mustBe));
            return null;
        }
        return node;
    }

    private static Optional<String> entityType(JsonNode node) {
        return node.isTextual() && ENTITY_TYPE.matcher(node.asText()).matches()
                ? Optional.of(node.asText()) : Optional.empty();
    }
}
