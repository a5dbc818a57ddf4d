package dev.tollgate.mask;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HashKeyTest {
    @Test
    void openCreatesAnOwnerOnlyKeyOnceAndReadsItBack(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys/mask-hash.key");
        HashKey first = HashKey.open(file);
        assertEquals(32, Files.size(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, HashKey.open(file));
        assertNotEquals(first, HashKey.open(dir.resolve("other.key")));
    }

    @Test
    void shortKeysAreRefused(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("short.key"), new byte[8]);
        assertThrows(IOException.class, () -> HashKey.open(file));
        assertThrows(IllegalArgumentException.class, () -> HashKey.of(new byte[8]));
    }

    @Test
    void toStringNeverShowsTheBytes() {
        assertEquals("HashKey[16 bytes]", HashKey.of("0123456789abcdef".getBytes()).toString());
    }
}
