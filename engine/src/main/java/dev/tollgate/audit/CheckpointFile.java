package dev.tollgate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkpoints of the file store, one JSON object a line in {@code checkpoints.jsonl} of the data directory, each
 * appended with an fsync. A crash can leave a torn last line: it is skipped when read and cut when the file is
 * opened for appending, as in the decision log.
 */
public final class CheckpointFile implements CheckpointStore {
    public static final String NAME = "checkpoints.jsonl";

    private final Path file;

    public CheckpointFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    @Override
    public synchronized void append(Checkpoint checkpoint) throws IOException {
        byte[] json = Json.MAPPER.writeValueAsBytes(checkpoint);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long end = Segments.completeLength(channel);
            ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
            channel.truncate(end);
            while (line.hasRemaining()) {
                end += channel.write(line, end);
            }
            channel.force(false);
        }
    }

    /**
     * @throws LogFormatException naming the line that is not a checkpoint
     */
    @Override
    public List<Checkpoint> all() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        // The last element follows the last '\n': empty, or a torn line.
        for (int i = 0; i < lines.length - 1; i++) {
            checkpoints.add(parse(lines[i], file, i + 1));
        }
        return checkpoints;
    }

    static Checkpoint parse(String line, Path file, long lineNumber) {
        try {
            Checkpoint c = Json.MAPPER.readValue(line, Checkpoint.class);
            if (c != null && c.stream() != null && c.seq() > 0 && c.headHash() != null && c.time() != null
                    && c.keyId() != null && c.signature() != null) {
                return c;
            }
        } catch (JsonProcessingException e) {
            // reported below, without the parser's message (it would quote the line)
        }
        throw new LogFormatException(file, lineNumber, "not a checkpoint (stream, seq, head_hash, time, key_id and"
                + " signature are required)");
    }
}
