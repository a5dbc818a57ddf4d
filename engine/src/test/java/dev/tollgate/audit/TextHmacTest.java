package dev.tollgate.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextHmacTest {
    @TempDir
    Path dir;

    @Test
    void sameKeyFileGivesTheSameHmacAfterReopening() throws Exception {
        Path keyFile = dir.resolve("keys/nested/hmac.key");
        String first = TextHmac.open(keyFile).of("Patient Anna Schmidt, diagnosis F32.1");
        String again = TextHmac.open(keyFile).of("Patient Anna Schmidt, diagnosis F32.1");

        assertEquals(first, again);
        assertTrue(first.matches("hmac-sha256:[0-9a-f]{64}"), first);
        assertEquals(32, Files.size(keyFile));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    }

    @Test
    void differentTextOrDifferentKeyGivesADifferentHmac() throws Exception {
        TextHmac one = TextHmac.open(dir.resolve("one.key"));
        TextHmac two = TextHmac.open(dir.resolve("two.key"));
        assertNotEquals(one.of("summarise the claim"), one.of("summarise the claim."));
        assertNotEquals(one.of("summarise the claim"), two.of("summarise the claim"));
    }

    @Test
    void anUnpairedSurrogateKeepsItsOwnHmac() throws Exception {
        TextHmac hmac = TextHmac.open(dir.resolve("hmac.key"));
        assertNotEquals(hmac.of("Hi there ?"), hmac.of("Hi there \ud800"));
        assertNotEquals(hmac.of("\udc00"), hmac.of("\ud800"));
    }

    @Test
    void keyFileOfTheWrongLengthIsRefused() throws Exception {
        Path keyFile = dir.resolve("short.key");
        Files.write(keyFile, new byte[16]);
        IOException refused = assertThrows(IOException.class, () -> TextHmac.open(keyFile));
        assertTrue(refused.getMessage().contains("holds 16 bytes, expected 32"), refused.getMessage());
    }
}
