package dev.weir.runtime.task;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where tasks keep their checkpoints, by task and {@link CheckpointName}: on local disk ({@link LocalSnapshotStore})
 * or in an S3-compatible object store ({@link S3SnapshotStore}). One writer per task: the task's owner, whom Kafka
 * fences when the task moves.
 */
public interface SnapshotStore {
    /** Stores a checkpoint durably; when this returns, a crash (of the process or, for S3, of the machine) does not lose it. */
    void write(TaskId task, CheckpointName name, TaskSnapshot snapshot) throws IOException;

    /**
     * Reads checkpoint {@code name}, putting its files into {@code directory} (which must be empty or absent). If it
     * is missing or corrupt, logs why and reads the newest older usable checkpoint of the task instead: its state
     * and source positions are consistent, but output committed after it may be produced again.
     *
     * @throws IOException if neither it nor any older checkpoint is usable (the message lists what was tried)
     */
    RestoredSnapshot read(TaskId task, CheckpointName name, Path directory) throws IOException;

    /**
     * After {@code committed} was committed: deletes the task's older checkpoints beyond the store's retention, and
     * (for incremental stores) the files no retained checkpoint refers to.
     */
    void retain(TaskId task, CheckpointName committed) throws IOException;
}
