package dev.weir.runtime.task;

import dev.weir.runtime.checkpoint.store.CheckpointStorage;
import dev.weir.runtime.checkpoint.store.ObjectStore;
import dev.weir.runtime.checkpoint.store.RestoredCheckpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checkpoints in an S3-compatible object store (MinIO, AWS S3, s3proxy), incrementally: a task's state files are
 * stored once under their content hash and shared by every checkpoint that contains them, so a checkpoint uploads
 * only the files written since the previous one, plus the engine snapshot and a manifest. Restores verify every
 * file's size and SHA-256 and fall back to the newest older complete checkpoint when one is damaged. Keys:
 * {@code <pipeline>/task-<index>/...} below the store's prefix ({@link CheckpointStorage} gives the layout).
 */
public final class S3SnapshotStore implements SnapshotStore, AutoCloseable {
    /** Checkpoints kept per task by default: the committed one and the one before. */
    public static final int DEFAULT_RETAINED = 2;

    private final ObjectStore store;
    private final int retained;
    private final Map<TaskId, CheckpointStorage> tasks = new ConcurrentHashMap<>();

    /** @param retained completed checkpoints kept per task (at least 1) */
    public S3SnapshotStore(ObjectStore store, int retained) {
        if (retained < 1) {
            throw new IllegalArgumentException("at least one checkpoint must be retained, was " + retained);
        }
        this.store = store;
        this.retained = retained;
    }

    public S3SnapshotStore(ObjectStore store) {
        this(store, DEFAULT_RETAINED);
    }

    /** The storage of one task (one writer: the task's owner). */
    CheckpointStorage storage(TaskId task) {
        return tasks.computeIfAbsent(task, t -> new CheckpointStorage(store, t.pipeline() + "/task-" + t.index()));
    }

    @Override
    public void write(TaskId task, CheckpointName name, TaskSnapshot snapshot) throws IOException {
        storage(task).upload(name.id(), name.fileName(), snapshot.metadata(), snapshot.files());
    }

    @Override
    public RestoredSnapshot read(TaskId task, CheckpointName name, Path directory) throws IOException {
        RestoredCheckpoint r = storage(task).restoreNewestUsable(name.fileName(), directory);
        CheckpointName restored = CheckpointName.fromFileName(r.manifest().name());
        if (restored == null) {
            throw new IOException(task + ": the store holds a checkpoint named '" + r.manifest().name()
                    + "', which is not a checkpoint name");
        }
        return new RestoredSnapshot(restored.withLineage(name.lineage()), r.metadata(), r.directory());
    }

    @Override
    public void retain(TaskId task, CheckpointName committed) throws IOException {
        storage(task).retainLatest(retained);
    }

    @Override
    public void close() throws Exception {
        store.close();
    }
}
