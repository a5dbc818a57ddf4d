package dev.tollgate.api;

import java.util.List;

/** RFC 9457 problem details. type is stable per error kind and documented in /openapi. */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {
    public static final String TYPE_BASE = "https://tollgate.dev/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";
}
