package dev.tollgate.testing;

import dev.tollgate.audit.PostgresStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.Map;

/**
 * A {@link TestStore} for all tests of a class, dropped after them (after the class's own {@code @AfterAll}):
 * {@code @RegisterExtension static final ClassStore STORE = new ClassStore();}, then {@code STORE.store()},
 * {@code STORE.url()}, {@code STORE.twoReplicas(environment)} or {@code STORE.dataSource()}.
 */
public final class ClassStore implements BeforeAllCallback, AfterAllCallback {
    private TestStore store;
    private TestStore.Replicas replicas;
    private PostgresStore shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        store = TestStore.create();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (replicas != null) {
            replicas.close();
        }
        if (shared != null) {
            shared.close();
        }
        if (store != null) {
            store.close();
        }
    }

    public TestStore store() {
        return store;
    }

    /** The libpq URI of the store. */
    public String url() {
        return store.url();
    }

    /** {@link TestStore#twoReplicas}, stopped before the store is dropped. */
    public TestStore.Replicas twoReplicas(Map<String, String> environment) throws IOException {
        replicas = store.twoReplicas(environment);
        return replicas;
    }

    /** The store migrated to the current schema, as a replica's start leaves it (on first use). */
    public synchronized DataSource dataSource() {
        if (shared == null) {
            shared = PostgresStore.open(store.url());
        }
        return shared.dataSource();
    }
}
