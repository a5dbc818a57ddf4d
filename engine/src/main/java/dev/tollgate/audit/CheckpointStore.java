package dev.tollgate.audit;

import java.io.IOException;
import java.util.List;

/** Where a stream's signed checkpoints are kept: a file beside the log today; a table when the log is one. */
public interface CheckpointStore {
    void append(Checkpoint checkpoint) throws IOException;

    /** Every checkpoint, oldest first. */
    List<Checkpoint> all() throws IOException;
}
