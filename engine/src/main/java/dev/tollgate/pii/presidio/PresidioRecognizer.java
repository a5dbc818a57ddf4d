package dev.tollgate.pii.presidio;

import dev.tollgate.pii.DetectorUnavailableException;
import dev.tollgate.pii.Finding;
import dev.tollgate.pii.Recognizer;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Presidio's findings as a {@link Recognizer}, under a {@link PresidioMode}: OFF finds nothing without calling
 * Presidio, ADVISORY finds nothing when Presidio gives no usable answer in time, REQUIRED then throws
 * {@link DetectorUnavailableException}.
 */
public final class PresidioRecognizer implements Recognizer {
    private static final Logger LOG = System.getLogger(PresidioRecognizer.class.getName());

    private final PresidioClient client;
    private final PresidioMode mode;
    private final String language;

    public PresidioRecognizer(PresidioClient client, PresidioMode mode, String language) {
        this.client = Objects.requireNonNull(client, "client");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.language = Objects.requireNonNull(language, "language");
    }

    public PresidioMode mode() {
        return mode;
    }

    @Override
    public List<Finding> recognize(String text) {
        return settle(request(text));
    }

    /** Sends the text to Presidio, unless the mode is OFF; {@link #settle} gives the findings. */
    CompletableFuture<List<Finding>> request(String text) {
        return mode == PresidioMode.OFF
                ? CompletableFuture.completedFuture(List.of())
                : client.analyzeAsync(text, language);
    }

    List<Finding> settle(CompletableFuture<List<Finding>> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (mode == PresidioMode.REQUIRED) {
                throw new DetectorUnavailableException(PresidioClient.SOURCE, cause.getMessage(), cause);
            }
            LOG.log(Level.WARNING, "Presidio is advisory and unavailable, using local findings only: {0}", cause.getMessage());
            return List.of();
        }
    }
}
