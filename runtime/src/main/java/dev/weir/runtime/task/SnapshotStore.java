package dev.weir.runtime.task;

import java.io.IOException;
import java.util.Optional;

/**
 * Where tasks keep their checkpoint snapshots, by task and {@link CheckpointName}. Local disk now; the S3 checkpoint
 * store (issue 4) implements the same contract remotely.
 */
public interface SnapshotStore {
    /** Stores a snapshot durably; when this returns, a crash does not lose it. */
    void write(TaskId task, CheckpointName name, byte[] snapshot) throws IOException;

    /** The snapshot, or empty if it does not exist. */
    Optional<byte[]> read(TaskId task, CheckpointName name) throws IOException;

    /** Deletes the task's snapshots with a checkpoint id below {@code oldestToKeep} (of any attempt). */
    void deleteOlderThan(TaskId task, long oldestToKeep) throws IOException;
}
