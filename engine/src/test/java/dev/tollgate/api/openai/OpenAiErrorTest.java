package dev.tollgate.api.openai;

import dev.tollgate.api.FieldError;
import dev.tollgate.api.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The mapping from Tollgate problems to OpenAI errors, as documented in openapi.yaml. */
class OpenAiErrorTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "400, malformed-json,           400, invalid_request_error, malformed_json",
            "401, unauthorized,             401, authentication_error,  unauthorized",
            "403, policy-denied,            403, permission_error,      policy_denied",
            "404, model-not-found,          404, not_found_error,       model_not_found",
            "405, method-not-allowed,       405, invalid_request_error, method_not_allowed",
            "413, payload-too-large,        413, invalid_request_error, payload_too_large",
            "415, unsupported-media-type,   415, invalid_request_error, unsupported_media_type",
            "422, invalid-request,          400, invalid_request_error, invalid_request",
            "429, rate-limited,             429, rate_limit_error,      rate_limited",
            "500, internal,                 500, server_error,          internal",
            "502, destination-failed,       502, server_error,          destination_failed",
            "503, decision-log-unavailable, 503, server_error,          decision_log_unavailable",
            "504, destination-timeout,      504, server_error,          destination_timeout"})
    void problemsMapToOpenAiStatusTypeAndCode(int status, String kind, int openAiStatus, String type, String code) {
        OpenAiError error = OpenAiError.of(new ProblemException(status, kind, "Title", "What went wrong"));
        assertEquals(openAiStatus, error.status());
        assertEquals(type, error.error().type());
        assertEquals(code, error.error().code());
        assertEquals("What went wrong", error.error().message());
        assertNull(error.error().param());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/model,                        model",
            "/messages/3/content/1/type,    messages[3].content[1].type",
            "/stream_options/include_usage, stream_options.include_usage",
            "X-Tollgate-Subject-Country,    X-Tollgate-Subject-Country"})
    void fieldPointersBecomeOpenAiParams(String pointer, String param) {
        OpenAiError error = OpenAiError.of(new ProblemException(422, "invalid-request", "Invalid", "1 field",
                List.of(new FieldError(pointer, "is wrong"))));
        assertEquals(param, error.error().param());
        assertEquals(param + ": is wrong", error.error().message());
    }
}
