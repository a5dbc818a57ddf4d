package dev.tollgate.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.Json;

import java.util.List;

/** The input as one canonical string (messages as sorted-key JSON), the text that HMACs and digests cover. */
public final class CanonicalInput {
    private CanonicalInput() {
    }

    public static String of(DecideRequest request) {
        return of(request.messages());
    }

    public static String of(List<DecideRequest.Message> messages) {
        try {
            return Json.MAPPER.writeValueAsString(messages);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
