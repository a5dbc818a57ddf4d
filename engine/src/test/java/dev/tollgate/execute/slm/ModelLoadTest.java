package dev.tollgate.execute.slm;

import de.kherud.llama.LlamaModel;
import dev.tollgate.decision.DecideRequest.Message;
import dev.tollgate.execute.ExecutorException;
import dev.tollgate.execute.ExecutorException.Kind;
import dev.tollgate.execute.GenerationRequest;
import dev.tollgate.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The on-device model loads after the service listens: what a caller gets before, during and after its load. */
class ModelLoadTest {
    @Test
    void aCallerWhoseTurnComesWhileTheModelLoadsWaitsForItAndGetsIt() throws Exception {
        CompletableFuture<LlamaModel> loading = new CompletableFuture<>();
        try (SerialModel serial = new SerialModel(loading, () -> null, 1, Duration.ofSeconds(60))) {
            FutureTask<LlamaModel> caller = new FutureTask<>(serial::acquire);
            Thread thread = Thread.ofPlatform().start(caller);
            while (thread.isAlive() && thread.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            assertFalse(caller.isDone(), "the caller waits for the load");
            assertEquals(1, serial.admitted());

            LlamaModel model = new LlamaModel(SlmExecutor.modelParameters(TestService.slmModel(), 256, 1).disableLog());
            loading.complete(model);

            assertSame(model, caller.get());
            serial.release();
            assertEquals(0, serial.admitted());
        }
    }

    @Test
    void aModelThatFailedToLoadRefusesEveryCallerAsUnreachable() {
        CompletableFuture<LlamaModel> loading = new CompletableFuture<>();
        loading.completeExceptionally(new IllegalStateException("not a GGUF file"));
        try (SerialModel serial = new SerialModel(loading, () -> null, 1, Duration.ofSeconds(60))) {
            for (int call = 0; call < 2; call++) {
                ExecutorException refused = assertThrows(ExecutorException.class, serial::acquire);
                assertEquals(Kind.UNREACHABLE, refused.kind());
                assertEquals(0, serial.admitted(), "a refused caller leaves no permit taken");
            }
            assertThrows(IllegalStateException.class, serial::awaitLoaded);
        }
    }

    @Test
    void aFileLlamaCppCannotLoadIsRefusedAtTheFirstGenerationNotAtTheStart(@TempDir Path dir)
            throws IOException {
        Path notAModel = Files.write(dir.resolve("broken.gguf"), "not a model".getBytes());
        try (SlmExecutor slm = SlmExecutor.load("slm-local", new SlmSettings(notAModel, 256, 1, 1,
                Duration.ofSeconds(60)))) {
            ExecutorException refused = assertThrows(ExecutorException.class, () -> slm.generate(
                    new GenerationRequest(List.of(new Message("user", "Hello")), 8)));
            assertEquals(Kind.UNREACHABLE, refused.kind());
            assertTrue(refused.getMessage().contains("could not be loaded"), refused::getMessage);
            assertThrows(IllegalStateException.class, slm::awaitLoaded);
        }
    }

    @Test
    void anExecutorClosedBeforeItsModelWasAskedForClosesWithoutLoadingIt() {
        SlmExecutor slm = SlmExecutor.load("slm-local", new SlmSettings(Path.of(TestService.slmModel()), 256, 1, 1,
                Duration.ofSeconds(60)));
        slm.close();

        ExecutorException refused = assertThrows(ExecutorException.class, () -> slm.generate(
                new GenerationRequest(List.of(new Message("user", "Hello")), 8)));
        assertEquals(Kind.OVERLOADED, refused.kind());
        assertThrows(IllegalStateException.class, slm::awaitLoaded);
    }
}
