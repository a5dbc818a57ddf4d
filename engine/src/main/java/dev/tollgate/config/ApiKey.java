package dev.tollgate.config;

import java.util.List;

/**
 * One API key of an application, stored as its SHA-256 (the key itself is never stored), and the role of whoever
 * calls with it. The role is a fact the policies read ("Role is one of" in the routing table); it comes only from
 * the key, never from the request body.
 *
 * @param sha256 hex SHA-256 of the key
 * @param role   one of {@link #ROLES}
 */
public record ApiKey(String sha256, String role) {
    /** The application's own staff: the role of a key given in the single-key form, api_key_sha256. */
    public static final String STAFF = "staff";
    /** Members of the public (a website chat, for example). */
    public static final String PUBLIC = "public";
    /** Every role a key may be bound to; the policies and docs/facts.schema.json know the same ones. */
    public static final List<String> ROLES = List.of(PUBLIC, STAFF);
}
