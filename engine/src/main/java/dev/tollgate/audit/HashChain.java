package dev.tollgate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.Json;
import dev.tollgate.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The record hash rule specified in {@link DecisionLog}: sealing a line and taking a sealed line apart. */
final class HashChain {
    /** The prev_hash of the first record. */
    static final String GENESIS = "0".repeat(64);

    private static final Set<String> RESERVED = Set.of("seq", "time", "prev_hash", "hash");
    private static final String FIELD = ",\"hash\":\"";
    private static final byte[] FIELD_BYTES = FIELD.getBytes(StandardCharsets.US_ASCII);
    private static final int HEX_LENGTH = 64;
    /** What ends a record's body: its format, after its fields. */
    private static final byte[] FORMAT_FIELD = (",\"format\":" + LogRecord.FORMAT + "}")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** Verify unseals every line on a few threads: a digest each, reset by each digest(). */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Sha256::digest);
    /** {@code ,"hash":"<64 hex>"} : what is cut out of a sealed line to get the hashed bytes. */
    private static final int CUT_LENGTH = FIELD.length() + HEX_LENGTH + 1;

    /** The hash stored at the end of a sealed line, and whether the line's other bytes still hash to it. */
    record Sealed(String storedHash, boolean intact) {
    }

    private HashChain() {
    }

    /**
     * A record's body as serialised JSON, before the log adds its own fields.
     *
     * @throws IllegalArgumentException if body has a field the log sets itself
     */
    static byte[] body(ObjectNode body) {
        for (String field : RESERVED) {
            if (body.has(field)) {
                throw new IllegalArgumentException("the log sets the field '" + field + "' itself");
            }
        }
        try {
            return Json.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body cannot be serialised as JSON", e);
        }
    }

    /**
     * The body of {@link LogRecord#toJson}, serialised: the record's fields, then its format, written without
     * building the JSON tree first (a record has none of the fields the log sets itself).
     */
    static byte[] body(LogRecord record) {
        // No RESERVED check here: LogRecordTest passes one record of each type through body(ObjectNode), which has it.
        try {
            byte[] fields = Json.MAPPER.writeValueAsBytes(record);
            byte[] body = Arrays.copyOf(fields, fields.length - 1 + FORMAT_FIELD.length);
            System.arraycopy(FORMAT_FIELD, 0, body, fields.length - 1, FORMAT_FIELD.length);
            return body;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record cannot be serialised as JSON", e);
        }
    }

    /** The record without its hash field: our three fields, then the body's fields. */
    static byte[] hashedForm(long seq, String time, String prevHash, byte[] body) {
        // Written by hand as none of the three values needs escaping: a number, an ISO instant, hex.
        String ours = "{\"seq\":" + seq + ",\"time\":\"" + time + "\",\"prev_hash\":\"" + prevHash + "\"";
        byte[] prefix = ours.getBytes(StandardCharsets.US_ASCII);
        boolean emptyBody = body.length == 2;
        byte[] hashed = new byte[prefix.length + (emptyBody ? 1 : body.length)];
        System.arraycopy(prefix, 0, hashed, 0, prefix.length);
        if (emptyBody) {
            hashed[prefix.length] = '}';
        } else {
            hashed[prefix.length] = ',';
            System.arraycopy(body, 1, hashed, prefix.length + 1, body.length - 1);
        }
        return hashed;
    }

    /** @param hashed a serialised JSON object, ending in '}' */
    static byte[] seal(byte[] hashed, String hash) {
        byte[] field = (FIELD + hash + "\"").getBytes(StandardCharsets.US_ASCII);
        int open = hashed.length - 1;
        byte[] line = new byte[hashed.length + field.length];
        System.arraycopy(hashed, 0, line, 0, open);
        System.arraycopy(field, 0, line, open, field.length);
        line[line.length - 1] = '}';
        return line;
    }

    /** Empty unless the line ends with {@code ,"hash":"<64 lowercase hex>"}} exactly. */
    static Optional<Sealed> unseal(String line) {
        return unseal(line.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Empty unless the UTF-8 line ends with {@code ,"hash":"<64 lowercase hex>"}} exactly; the hashed bytes
     * (the line up to that field, then '}') are hashed where they lie, without copying the line.
     */
    static Optional<Sealed> unseal(byte[] line) {
        int cut = line.length - 1 - CUT_LENGTH;
        if (cut < 1 || line[line.length - 2] != '"' || line[line.length - 1] != '}'
                || !Arrays.equals(line, cut, cut + FIELD.length(), FIELD_BYTES, 0, FIELD_BYTES.length)) {
            return Optional.empty();
        }
        int hashStart = cut + FIELD.length();
        for (int i = hashStart; i < hashStart + HEX_LENGTH; i++) {
            if (!((line[i] >= '0' && line[i] <= '9') || (line[i] >= 'a' && line[i] <= 'f'))) {
                return Optional.empty();
            }
        }
        String stored = new String(line, hashStart, HEX_LENGTH, StandardCharsets.US_ASCII);
        MessageDigest sha256 = SHA256.get();
        sha256.update(line, 0, cut);
        sha256.update((byte) '}');
        return Optional.of(new Sealed(stored, isHexOf(line, hashStart, sha256.digest())));
    }

    /** Whether line holds the lowercase hex of digest from at on. */
    private static boolean isHexOf(byte[] line, int at, byte[] digest) {
        for (int i = 0; i < digest.length; i++) {
            if (line[at + 2 * i] != HEX_DIGITS[(digest[i] >> 4) & 0xF]
                    || line[at + 2 * i + 1] != HEX_DIGITS[digest[i] & 0xF]) {
                return false;
            }
        }
        return true;
    }

    static String sha256Hex(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
