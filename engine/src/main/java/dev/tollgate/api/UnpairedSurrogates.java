package dev.tollgate.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.audit.ExactUtf8;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a string value holding an unpaired UTF-16 surrogate: JSON lets "\ud800" be written, but it is no
 * character, and UTF-8 (the log, the models, the token's input digest) cannot carry it. (The parser itself refuses
 * one in a member name.)
 */
final class UnpairedSurrogates {
    /** Member names quoted in a pointer: anything else the caller typed is not echoed back. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private UnpairedSurrogates() {
    }

    /** The JSON Pointer of the first such string, cut at the first member name that is not plain. */
    static Optional<String> find(JsonNode root) {
        return find(root, "", true);
    }

    private static Optional<String> find(JsonNode node, String at, boolean quotable) {
        if (node.isTextual()) {
            return ExactUtf8.wellFormed(node.textValue()) ? Optional.empty() : Optional.of(at);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), quotable ? at + "/" + i : at, quotable);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                boolean plain = quotable && PLAIN_NAME.matcher(member.getKey()).matches();
                Optional<String> found = find(member.getValue(), plain ? at + "/" + member.getKey() : at, plain);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
