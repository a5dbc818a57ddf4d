package dev.tollgate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Two replicas, "replica-a" and "replica-b", with their own data directories and shared keys, on a new store. */
public record TwoReplicas(TestStore store, TestService a, TestService b) implements AutoCloseable {
    public static TwoReplicas start() throws IOException {
        TestStore store = TestStore.create();
        TestService a = null;
        try {
            Path first = Files.createTempDirectory("tollgate-replica-a");
            a = store.replica("replica-a", first, Map.of());
            Path second = Files.createTempDirectory("tollgate-replica-b");
            TestStore.shareKeys(first, second);
            return new TwoReplicas(store, a, store.replica("replica-b", second, Map.of()));
        } catch (IOException | RuntimeException e) {
            if (a != null) {
                a.close();
            }
            store.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try (store; a; b) {
            // closed in reverse order: the replicas, then the store's database
        }
    }
}
