package dev.tollgate.execute.slm;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the on-device model runs.
 *
 * @param model         the GGUF file
 * @param contextSize   tokens of context: prompt and answer together
 * @param threads       CPU threads the model computes with
 * @param queueCapacity requests that may wait for the model; one more is refused at once
 * @param queueTimeout  the longest a request waits for the model before it is refused
 */
public record SlmSettings(Path model, int contextSize, int threads, int queueCapacity, Duration queueTimeout) {
    public SlmSettings {
        if (contextSize < 1 || threads < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("contextSize and threads must be positive, queueCapacity "
                    + "not negative");
        }
        if (queueTimeout.isNegative()) {
            throw new IllegalArgumentException("queueTimeout must not be negative");
        }
    }
}
