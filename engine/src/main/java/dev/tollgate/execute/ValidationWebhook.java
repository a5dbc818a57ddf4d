package dev.tollgate.execute;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.Json;
import dev.tollgate.config.Application;
import dev.tollgate.config.ApplicationRegistry;
import dev.tollgate.execute.offline.ValidationStatus;

import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Tells an application's {@code validation_webhook} that one of its offline validations ended: a POST of the ids
 * and the status as JSON, never any text. Best effort: sent once, in the background, within a few seconds; a
 * failure is logged (application, validation id, what failed) and not retried. The caller can always ask
 * {@code GET /v1/validations/{id}}.
 */
public final class ValidationWebhook implements Consumer<ValidationStatus> {
    private static final System.Logger LOG = System.getLogger(ValidationWebhook.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final ApplicationRegistry registry;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** What the webhook receives. */
    record Ended(String validationId, String decisionId, ValidationStatus.State status) {
    }

    public ValidationWebhook(ApplicationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(ValidationStatus status) {
        send(status);
    }

    /** Completes once the webhook answered or failed (already done when the application has none). */
    CompletableFuture<Void> send(ValidationStatus status) {
        Optional<String> url = Optional.ofNullable(status.application()).flatMap(registry::byId)
                .map(Application::validationWebhook);
        if (url.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.get())).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(status))).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            String outcome = failure != null ? "failed: " + failure.getClass().getSimpleName()
                    : response.statusCode() / 100 != 2 ? "answered " + response.statusCode() : null;
            if (outcome != null) {
                LOG.log(Level.WARNING, "validation webhook of application " + status.application() + " for validation "
                        + status.id() + " " + outcome);
            }
            return null;
        });
    }

    private static byte[] body(ValidationStatus status) {
        try {
            return Json.MAPPER.writeValueAsBytes(new Ended(status.id(), status.decisionId(), status.state()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
