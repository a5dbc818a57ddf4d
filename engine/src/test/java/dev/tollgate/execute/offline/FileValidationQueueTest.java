package dev.tollgate.execute.offline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.tollgate.execute.offline.QueuedEntries.SECRET_WORD;
import static dev.tollgate.execute.offline.QueuedEntries.entry;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileValidationQueueTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    @TempDir
    Path root;

    private Path queueDir() {
        return root.resolve("queue");
    }

    private Path keyFile() {
        return root.resolve("keys/validation.key");
    }

    private FileValidationQueue open() throws IOException {
        return FileValidationQueue.open(queueDir(), keyFile());
    }

    private Path entryFile(String id) {
        return queueDir().resolve(id + ".entry");
    }

    @Test
    void entriesSurviveAReopen() throws Exception {
        List<PendingValidation> queued = List.of(entry("a", T0), entry("b", T0.plusSeconds(1)));
        try (FileValidationQueue queue = open()) {
            for (PendingValidation v : queued) {
                queue.enqueue(v);
            }
        }
        try (FileValidationQueue queue = open()) {
            assertEquals(queued, queue.pending());
            assertEquals(2, queue.size());
            assertEquals(0, queue.corruptEntries());
        }
    }

    @Test
    void aFailedAttemptIsKeptAcrossAReopen() throws Exception {
        PendingValidation failed = entry("a", T0).failedOnce(T0.plusSeconds(5));
        try (FileValidationQueue queue = open()) {
            queue.enqueue(entry("a", T0));
            queue.update(failed);
            assertThrows(IllegalArgumentException.class, () -> queue.update(entry("not-queued", T0)));
        }
        try (FileValidationQueue queue = open()) {
            PendingValidation read = queue.pending().getFirst();
            assertEquals(failed, read);
            assertEquals(1, read.attempts());
            assertEquals(T0.plusSeconds(5), read.nextAttemptAt());
        }
    }

    @Test
    void doneRemovesTheEntryForGood() throws Exception {
        try (FileValidationQueue queue = open()) {
            queue.enqueue(entry("a", T0));
            queue.enqueue(entry("b", T0.plusSeconds(1)));
            queue.done("a");
            queue.done("never-queued");
            assertEquals(1, queue.size());
        }
        assertFalse(Files.exists(entryFile("a")));
        try (FileValidationQueue queue = open()) {
            assertEquals(List.of(entry("b", T0.plusSeconds(1))), queue.pending());
        }
    }

    @Test
    void filesOnDiskDoNotContainThePromptOrTheDraft() throws Exception {
        try (FileValidationQueue queue = open()) {
            queue.enqueue(entry("a", T0));
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(SECRET_WORD) || bytes.contains("hail damage"), file + " holds the text");
            }
        }
        assertTrue(Files.size(entryFile("a")) > 0);
    }

    @Test
    void aTamperedEntryIsMovedAsideAndTheOthersStillRead() throws Exception {
        try (FileValidationQueue queue = open()) {
            queue.enqueue(entry("a", T0));
            queue.enqueue(entry("b", T0.plusSeconds(1)));
        }
        byte[] bytes = Files.readAllBytes(entryFile("a"));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(entryFile("a"), bytes);

        try (FileValidationQueue queue = open()) {
            assertEquals(List.of(entry("b", T0.plusSeconds(1))), queue.pending());
            assertEquals(1, queue.corruptEntries());
            assertEquals(1, queue.size());
        }
        assertFalse(Files.exists(entryFile("a")));
        assertArrayEquals(bytes, Files.readAllBytes(queueDir().resolve("corrupt/a.entry")));
    }

    @Test
    void anEntryTamperedWhileOpenIsMovedAsideByPending() throws Exception {
        try (FileValidationQueue queue = open()) {
            queue.enqueue(entry("a", T0));
            Files.write(entryFile("a"), new byte[]{1, 2, 3});

            assertEquals(List.of(), queue.pending());
            assertEquals(1, queue.corruptEntries());
            assertEquals(0, queue.size());
        }
    }

    @Test
    void underAnotherKeyEveryEntryIsCorrupt() throws Exception {
        try (FileValidationQueue queue = open()) {
            queue.enqueue(entry("a", T0));
        }
        try (FileValidationQueue queue = FileValidationQueue.open(queueDir(), root.resolve("other.key"))) {
            assertEquals(List.of(), queue.pending());
            assertEquals(1, queue.corruptEntries());
        }
        assertTrue(Files.exists(queueDir().resolve("corrupt/a.entry")));
    }

    @Test
    void anEntryRenamedToAnotherIdDoesNotOpen() throws Exception {
        try (FileValidationQueue queue = open()) {
            queue.enqueue(entry("a", T0));
        }
        Files.move(entryFile("a"), entryFile("b"));
        try (FileValidationQueue queue = open()) {
            assertEquals(List.of(), queue.pending());
            assertEquals(1, queue.corruptEntries());
        }
    }

    @Test
    void pendingIsOldestFirstWhateverTheEnqueueOrder() throws Exception {
        try (FileValidationQueue queue = open()) {
            queue.enqueue(entry("late", T0.plusSeconds(20)));
            queue.enqueue(entry("early", T0));
            queue.enqueue(entry("middle", T0.plusSeconds(10)));

            assertEquals(List.of("early", "middle", "late"), queue.pending().stream().map(PendingValidation::id).toList());
        }
    }

    @Test
    void concurrentEnqueuesAreAllKept() throws Exception {
        int threads = 8;
        int each = 25;
        try (FileValidationQueue queue = open(); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                tasks.add(() -> {
                    for (int i = 0; i < each; i++) {
                        queue.enqueue(entry("t" + thread + "-" + i, T0.plusMillis(thread * 1000L + i)));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
            assertEquals(threads * each, queue.size());
        }
        try (FileValidationQueue queue = open()) {
            List<String> expected = IntStream.range(0, threads).boxed()
                    .flatMap(t -> IntStream.range(0, each).mapToObj(i -> "t" + t + "-" + i)).toList();
            assertEquals(expected, queue.pending().stream().map(PendingValidation::id).toList());
        }
    }

    @Test
    void theKeyIsCreatedOwnerOnlyOnceAndReused() throws Exception {
        try (FileValidationQueue ignored = open()) {
            assertEquals(32, Files.size(keyFile()));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile())));
        }
        byte[] key = Files.readAllBytes(keyFile());
        try (FileValidationQueue ignored = open()) {
            assertArrayEquals(key, Files.readAllBytes(keyFile()));
        }
    }

    @Test
    void aKeyFileOfTheWrongLengthIsRefused() throws Exception {
        Files.createDirectories(keyFile().getParent());
        Files.write(keyFile(), new byte[16]);

        IOException e = assertThrows(IOException.class, this::open);
        assertTrue(e.getMessage().contains("is not 32 bytes long"), e.getMessage());
    }

    @Test
    void aDirectoryIsOpenOnceAtATime() throws Exception {
        try (FileValidationQueue ignored = open()) {
            IOException e = assertThrows(IOException.class, this::open);
            assertTrue(e.getMessage().contains("is already open"), e.getMessage());
        }
        try (FileValidationQueue queue = open()) {
            assertEquals(0, queue.size());
        }
    }

    @Test
    void anIdIsQueuedOnce() throws Exception {
        try (FileValidationQueue queue = open()) {
            queue.enqueue(entry("a", T0));
            assertThrows(IllegalArgumentException.class, () -> queue.enqueue(entry("a", T0.plusSeconds(1))));
            assertEquals(List.of(entry("a", T0)), queue.pending());
        }
    }

    @Test
    void anUnfinishedWriteOfACrashedProcessIsDiscarded() throws Exception {
        Files.createDirectories(queueDir());
        Files.write(queueDir().resolve(".a-123.tmp"), new byte[]{1, 2, 3});

        try (FileValidationQueue queue = open()) {
            assertEquals(List.of(), queue.pending());
            assertEquals(0, queue.corruptEntries());
        }
        assertFalse(Files.exists(queueDir().resolve(".a-123.tmp")));
    }

    @Test
    void idsThatAreNotSafeFileNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> entry("../escape", T0));
        assertThrows(IllegalArgumentException.class, () -> entry("", T0));
    }

    @Test
    void toStringHoldsNoText() {
        String text = entry("a", T0).toString();
        assertFalse(text.contains(SECRET_WORD), text);
        assertFalse(text.contains("Summarise"), text);
        assertTrue(text.contains("decision-a"), text);
    }
}
