package dev.tollgate.audit;

import dev.tollgate.policy.PackDigest;
import dev.tollgate.testing.ClassStore;
import dev.tollgate.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy versions replicas activate, in a real PostgreSQL: which version each replica had in force at any time,
 * each version's files stored once, and a version copied back into a data directory's store for replay.
 */
class PostgresPolicyStoreTest {
    private static final Instant T1 = Instant.parse("2026-12-01T10:00:00Z");
    private static final List<Path> FILES = List.of(Path.of("gdpr/gdpr.drl"), Path.of("README.md"));

    @RegisterExtension
    static final ClassStore STORE = new ClassStore();

    @TempDir
    Path dir;

    /** A pack of FILES saying rule, kept in local as a replica's data directory keeps it; its digest. */
    private String pack(PolicyStore local, String rule) throws Exception {
        Path source = Files.createTempDirectory(dir, "pack");
        Files.createDirectories(source.resolve("gdpr"));
        Files.writeString(source.resolve("gdpr/gdpr.drl"), "rule \"" + rule + "\" when then end\n");
        Files.writeString(source.resolve("README.md"), "The pack.\n");
        String digest = PackDigest.of(source, FILES);
        local.put("drools", digest, source, FILES);
        return digest;
    }

    @Test
    void theVersionsInForceAreNamedPerReplicaAndEachVersionIsStoredOnce() throws Exception {
        PolicyStore local = new PolicyStore(dir.resolve("policy-store"));
        String v1 = pack(local, "one");
        String v2 = pack(local, "two");
        MutableClock clock = new MutableClock(T1);
        PostgresPolicyStore a = new PostgresPolicyStore(STORE.dataSource(), "a", clock);
        PostgresPolicyStore b = new PostgresPolicyStore(STORE.dataSource(), "b", clock);

        a.activated("drools", v1, local.get("drools", v1).orElseThrow(), FILES);
        clock.advance(Duration.ofMinutes(1));
        b.activated("drools", v1, local.get("drools", v1).orElseThrow(), FILES);
        clock.advance(Duration.ofMinutes(1));
        a.activated("drools", v2, local.get("drools", v2).orElseThrow(), FILES);

        assertEquals(List.of(), a.inForce(T1.minusSeconds(1)));
        assertEquals(List.of(new PostgresPolicyStore.Activation("a", "drools", v1, T1),
                new PostgresPolicyStore.Activation("b", "drools", v1, T1.plusSeconds(60))),
                a.inForce(T1.plusSeconds(90)));
        assertEquals(List.of(v2, v1), a.inForce(T1.plusSeconds(120)).stream()
                .map(PostgresPolicyStore.Activation::digest).toList(), "a moved on to v2, b still has v1");
        try (Connection connection = STORE.dataSource().getConnection(); Statement count = connection.createStatement();
             ResultSet row = count.executeQuery("select count(*) from policy_files where digest = '" + v1 + "'")) {
            row.next();
            assertEquals(FILES.size(), row.getInt(1), "v1's files once, though two replicas activated it");
        }
    }

    @Test
    void aStoredVersionIsCopiedBackIntoADataDirectoryForReplay() throws Exception {
        PolicyStore replica = new PolicyStore(dir.resolve("replica-policy-store"));
        String digest = pack(replica, "replayed");
        Instant later = T1.plus(Duration.ofDays(1)); // after the other test's activations
        new PostgresPolicyStore(STORE.dataSource(), "r", new MutableClock(later))
                .activated("drools", digest, replica.get("drools", digest).orElseThrow(), FILES);
        PolicyStore auditor = new PolicyStore(dir.resolve("auditor-policy-store"));
        PostgresPolicyStore fromStore = new PostgresPolicyStore(STORE.dataSource(), "auditor", new MutableClock(later));

        assertTrue(fromStore.copyTo(auditor, "drools", digest));

        Path copied = auditor.get("drools", digest).orElseThrow();
        assertEquals(digest, PackDigest.of(copied, FILES));
        assertEquals("rule \"replayed\" when then end\n", Files.readString(copied.resolve("gdpr/gdpr.drl")));
        assertFalse(fromStore.copyTo(auditor, "drools", "sha256:" + "0".repeat(64)));
    }
}
