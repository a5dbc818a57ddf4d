package dev.tollgate.config;

import java.util.List;

/**
 * One API key of an application, stored as its SHA-256 (the key itself is never stored), and the role of whoever
 * calls with it. The role is a fact the policies read ("Role is one of" in the routing table); it comes only from
 * the key, never from the request body. A {@link #REVIEWER} key is no caller of the application: it only reviews the
 * application's answers held for human oversight, and decides and executes nothing.
 *
 * @param sha256 hex SHA-256 of the key
 * @param role   one of {@link #KEY_ROLES}
 */
public record ApiKey(String sha256, String role) {
    /** The application's own staff: the role of a key given in the single-key form, api_key_sha256. */
    public static final String STAFF = "staff";
    /** Members of the public (a website chat, for example). */
    public static final String PUBLIC = "public";
    /** Every role a caller may have; the policies and docs/facts.schema.json know the same ones. */
    public static final List<String> ROLES = List.of(PUBLIC, STAFF);
    /** A person who approves or rejects the application's held answers (/v1/reviews). */
    public static final String REVIEWER = "reviewer";
    /** Every role a key may be bound to: the callers' roles and the reviewer's. */
    public static final List<String> KEY_ROLES = List.of(PUBLIC, REVIEWER, STAFF);
}
