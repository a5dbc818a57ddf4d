package dev.tollgate.audit;

import dev.tollgate.policy.PackDigest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyStoreTest {
    private static final List<Path> FILES = List.of(Path.of("gdpr.drl"), Path.of("tables/residency.csv"));

    @TempDir
    Path source;
    @TempDir
    Path storeRoot;

    private PolicyStore store;
    private String digest;

    @BeforeEach
    void writePack() throws Exception {
        Files.writeString(source.resolve("gdpr.drl"), "rule \"art9\" when then end");
        Files.createDirectories(source.resolve("tables"));
        Files.writeString(source.resolve("tables/residency.csv"), "DE,EU\n");
        digest = PackDigest.of(source, FILES);
        store = new PolicyStore(storeRoot);
    }

    @Test
    void storedVersionComesBackWithTheSameFilesAndDigest() throws Exception {
        store.put("drools", digest, source, FILES);

        Path stored = store.get("drools", digest).orElseThrow();
        assertEquals(storeRoot.resolve("drools").resolve(digest.substring("sha256:".length())), stored);
        assertEquals("rule \"art9\" when then end", Files.readString(stored.resolve("gdpr.drl")));
        assertEquals("DE,EU\n", Files.readString(stored.resolve("tables/residency.csv")));
        assertEquals(digest, PackDigest.of(stored, FILES));
        assertEquals(Optional.empty(), store.get("rego", digest));
    }

    @Test
    void storingTheSameVersionAgainChangesNothing() throws Exception {
        store.put("drools", digest, source, FILES);
        Files.writeString(source.resolve("gdpr.drl"), "edited after activation");
        store.put("drools", digest, source, FILES);

        Path stored = store.get("drools", digest).orElseThrow();
        assertEquals("rule \"art9\" when then end", Files.readString(stored.resolve("gdpr.drl")));
        assertEquals(List.of(stored), entries(storeRoot.resolve("drools")));
    }

    @Test
    void filesThatDoNotMatchTheClaimedDigestAreRefused() throws Exception {
        Files.writeString(source.resolve("gdpr.drl"), "rule \"art9\" when then end // changed");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> store.put("drools", digest, source, FILES));
        assertTrue(refused.getMessage().contains("claimed " + digest), refused.getMessage());
        assertEquals(Optional.empty(), store.get("drools", digest));
        assertEquals(List.of(), entries(storeRoot.resolve("drools")));
    }

    @Test
    void pathsLeavingThePackAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> store.put("drools", digest, source, List.of(Path.of("../outside.drl"))));
        assertThrows(IllegalArgumentException.class, () -> store.get("../drools", digest));
        assertThrows(IllegalArgumentException.class, () -> store.get("drools", "sha256:../../etc"));
    }

    private static List<Path> entries(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
