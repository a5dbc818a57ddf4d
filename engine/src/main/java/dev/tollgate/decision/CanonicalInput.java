package dev.tollgate.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.Json;

/** The input as one canonical string (messages as sorted-key JSON), the text that HMACs and digests cover. */
public final class CanonicalInput {
    private CanonicalInput() {
    }

    public static String of(DecideRequest request) {
        try {
            return Json.MAPPER.writeValueAsString(request.messages());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
