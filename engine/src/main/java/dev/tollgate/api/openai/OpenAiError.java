package dev.tollgate.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tollgate.api.FieldError;
import dev.tollgate.api.Problem;
import dev.tollgate.api.ProblemException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Tollgate problem in OpenAI's error shape, so that OpenAI SDKs raise the matching exception:
 * {@code {"error": {"message", "type", "param", "code"}}}. The status stays the problem's, except that invalid
 * fields (422) become 400 as at OpenAI; the code is the problem kind with underscores ("policy_denied"); the param
 * is the first invalid field as a dotted path ("messages[0].content") or the header it came from.
 *
 * @param status the HTTP status to answer with
 * @param error  the body's error object
 */
record OpenAiError(int status, Body error) {

    /** The error object; param and code are written as null when there are none, as OpenAI does. */
    record Body(String message, String type,
                @JsonInclude(JsonInclude.Include.ALWAYS) String param,
                @JsonInclude(JsonInclude.Include.ALWAYS) String code) {
    }

    /** What is sent: the error object wrapped as {"error": ...}. */
    Map<String, Body> json() {
        return Map.of("error", error);
    }

    static OpenAiError of(ProblemException e) {
        Problem problem = e.toProblem(null);
        String code = e.kind().replace('-', '_');
        int status = problem.status() == 422 ? 400 : problem.status();
        List<FieldError> fields = problem.errors() == null ? List.of() : problem.errors();
        String message = fields.isEmpty() ? problem.detail()
                : fields.stream().map(OpenAiError::described).collect(Collectors.joining("; "));
        String param = fields.isEmpty() ? null : param(fields.getFirst().pointer());
        return new OpenAiError(status, new Body(message, type(status), param, code));
    }

    private static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }

    private static String described(FieldError field) {
        String param = param(field.pointer());
        return param == null ? field.detail() : param + ": " + field.detail();
    }

    /** "/messages/0/content" -> "messages[0].content"; a header name stays as it is; "" (the body) -> null. */
    static String param(String pointer) {
        if (pointer.isEmpty()) {
            return null;
        }
        if (!pointer.startsWith("/")) {
            return pointer;
        }
        StringBuilder param = new StringBuilder();
        for (String segment : pointer.substring(1).split("/")) {
            if (segment.chars().allMatch(Character::isDigit)) {
                param.append('[').append(segment).append(']');
            } else {
                param.append(param.isEmpty() ? "" : ".").append(segment);
            }
        }
        return param.toString();
    }
}
