package dev.tollgate.audit;

import java.nio.charset.StandardCharsets;

/**
 * A signed statement that a stream of the decision log held {@code seq} records, the last with hash
 * {@code headHash}, at {@code time}. Its signature is Ed25519 over {@link #signedBytes()}: five lines joined by
 * {@code '\n'} without a final one, {@code tollgate-checkpoint-v1}, stream, seq, head hash, time (UTF-8), so that an
 * auditor can check it with any Ed25519 implementation (docs/audit.md).
 *
 * @param keyId     {@code ed25519:} and the first 16 hex digits of the SHA-256 of the public key (X.509 encoding)
 * @param signature base64 of the 64-byte signature
 */
public record Checkpoint(String stream, long seq, String headHash, String time, String keyId, String signature) {
    static final String FORMAT = "tollgate-checkpoint-v1";

    public byte[] signedBytes() {
        return String.join("\n", FORMAT, stream, Long.toString(seq), headHash, time).getBytes(StandardCharsets.UTF_8);
    }
}
