package dev.tollgate.api;

/** One invalid field: its JSON Pointer (RFC 6901) in the request body and what is wrong with it. */
public record FieldError(String pointer, String detail) {
}
