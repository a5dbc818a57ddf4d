package dev.tollgate.execute.offline;

import dev.tollgate.Json;
import dev.tollgate.decision.DecideRequest;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * How a queued validation is kept wherever it is stored: a version byte, a random 12-byte nonce and the entry as JSON
 * sealed with AES-256-GCM under the key file's key, the entry id as associated data (an entry given another id does
 * not open). The entries hold prompt text and drafts, hence the encryption; the key file belongs beside the other
 * secrets, not where the entries are.
 */
final class EntryCipher {
    private static final String TEMP = ".tmp";
    private static final byte VERSION = 1;
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The entry as stored: Json.MAPPER has no Instant support, so times are kept as ISO-8601 text. Entries written
     * before attempts were counted have neither application, attempts nor nextAttemptAt: none failed, due at once.
     */
    private record Stored(String id, String decisionId, String application, String destination,
                          List<DecideRequest.Message> maskedMessages, String draft, String queuedAt, int attempts,
                          String nextAttemptAt) {
    }

    private final SecretKey key;

    private EntryCipher(SecretKey key) {
        this.key = key;
    }

    /**
     * The key in keyFile: 32 random bytes, created with owner-only permissions if missing.
     *
     * @throws IOException when the key file is not a 32-byte key
     */
    static EntryCipher open(Path keyFile) throws IOException {
        return new EntryCipher(new SecretKeySpec(readOrCreateKey(keyFile), "AES"));
    }

    byte[] seal(PendingValidation v) throws IOException {
        byte[] plain = Json.MAPPER.writeValueAsBytes(new Stored(v.id(), v.decisionId(), v.application(),
                v.destination(), v.maskedMessages(), v.draft(), v.queuedAt().toString(), v.attempts(),
                v.nextAttemptAt().toString()));
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(v.id().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    PendingValidation open(String id, byte[] bytes) throws GeneralSecurityException, IOException {
        if (bytes.length < 1 + NONCE_BYTES + TAG_BITS / 8 || bytes[0] != VERSION) {
            throw new GeneralSecurityException("not a validation queue entry");
        }
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
        cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
        byte[] plain = cipher.doFinal(bytes, 1 + NONCE_BYTES, bytes.length - 1 - NONCE_BYTES);
        Stored s = Json.MAPPER.readValue(plain, Stored.class);
        Instant queuedAt = Instant.parse(s.queuedAt());
        return new PendingValidation(s.id(), s.decisionId(), s.application(), s.destination(), s.maskedMessages(),
                s.draft(), queuedAt, s.attempts(),
                s.nextAttemptAt() == null ? queuedAt : Instant.parse(s.nextAttemptAt()));
    }

    private static byte[] readOrCreateKey(Path keyFile) throws IOException {
        if (Files.notExists(keyFile)) {
            Path parent = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            byte[] key = new byte[KEY_BYTES];
            RANDOM.nextBytes(key);
            // A temporary file is created owner-only (0600), so the key is never readable by others.
            Path temp = Files.createTempFile(parent, ".validation-key-", TEMP);
            try {
                SyncedFiles.write(temp, key);
                Files.move(temp, keyFile);
                SyncedFiles.syncDirectory(parent);
            } catch (FileAlreadyExistsException createdByAnotherProcess) {
                // Theirs is the key: fall through and read it.
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        byte[] key = Files.readAllBytes(keyFile);
        if (key.length != KEY_BYTES) {
            throw new IOException("the validation queue key " + keyFile + " is not " + KEY_BYTES + " bytes long");
        }
        return key;
    }
}
