package dev.tollgate.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real service with the default configuration for all tests of a class:
 * {@code @RegisterExtension static final RunningService RUNNING = new RunningService();}, then
 * {@code RUNNING.service()}.
 */
public final class RunningService implements BeforeAllCallback, AfterAllCallback {
    private TestService service;

    @Override
    public void beforeAll(ExtensionContext context) {
        service = TestService.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        service.close();
    }

    public TestService service() {
        return service;
    }
}
