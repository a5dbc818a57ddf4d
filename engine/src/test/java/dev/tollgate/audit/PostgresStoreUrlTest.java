package dev.tollgate.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A store that is not a libpq URI, or cannot be reached, is named without its password. */
class PostgresStoreUrlTest {
    @Test
    void aUrlThatIsNotALibpqUriIsRefusedNamingTheShapeWithoutThePassword() {
        for (String url : new String[]{"mysql://u:hunter2@db/x", "postgresql://u:hunter2@db", "postgresql://u:hunter2@/x",
                "not a url at all"}) {
            PostgresStore.StoreException refused = assertThrows(PostgresStore.StoreException.class,
                    () -> PostgresStore.connect(url), url);
            assertTrue(refused.getMessage().contains("postgresql://user:password@host:port/database"), refused.getMessage());
            assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
        }
    }

    @Test
    void aStoreThatCannotBeReachedIsNamedWithoutThePassword() {
        PostgresStore.StoreException refused = assertThrows(PostgresStore.StoreException.class,
                () -> PostgresStore.connect("postgresql://u:hunter2@127.0.0.1:1/x"));
        assertTrue(refused.getMessage().startsWith("the store postgresql://u:***@127.0.0.1:1/x could not be reached: "),
                refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
    }

    @Test
    void redactionKeepsUserHostAndDatabase() {
        assertEquals("postgresql://tollgate:***@db:5432/tollgate",
                PostgresStore.redacted("postgresql://tollgate:s3cr%40t@db:5432/tollgate"));
        assertEquals("postgresql://db/tollgate", PostgresStore.redacted("postgresql://db/tollgate"));
    }
}
