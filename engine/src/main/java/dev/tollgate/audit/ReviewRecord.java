package dev.tollgate.audit;

/**
 * A reviewer's verdict on an answer held for human oversight, linked to the execution that held it by its decision
 * id (which is also the review's id). The comment is free text a person wrote and may name the data subject, so it
 * is logged as an HMAC, as every other text.
 *
 * @param verdict           {@link #APPROVED} (the answer is released to the application) or {@link #REJECTED}
 *                          (it never is)
 * @param reviewerKeySha256 the SHA-256 of the reviewer's key, as the registry lists it
 * @param commentHmac       HMAC of the reviewer's comment; null when there was none
 */
public record ReviewRecord(String decisionId, String application, String verdict, String reviewerKeySha256,
                           String commentHmac) implements LogRecord {
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";
}
