package dev.weir.runtime.checkpoint.store;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a checkpoint (or savepoint) is made of, stored as JSON ({@code MANIFEST.json}) after everything it names:
 * a checkpoint exists if and only if its manifest does.
 *
 * @param formatVersion {@link #FORMAT_VERSION}; manifests of other versions are not read
 * @param task          the task prefix the checkpoint belongs to, e.g. {@code orders-pipeline/task-3}
 * @param checkpointId  the checkpoint id (increasing per task); orders checkpoints
 * @param name          the checkpoint's name, e.g. {@code chk-12-3f9a0c}, or a savepoint's path
 * @param createdAt     when the manifest was written
 * @param metadata      the object holding the checkpoint's metadata (the engine snapshot)
 * @param files         the checkpoint's files, by path relative to the checkpoint's local directory with {@code /}
 *                      separators (e.g. {@code window/000012.sst})
 */
public record CheckpointManifest(int formatVersion, String task, long checkpointId, String name, Instant createdAt,
                                 FileRef metadata, SortedMap<String, FileRef> files) {
    public static final int FORMAT_VERSION = 1;

    public CheckpointManifest {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(files, "files");
        if (checkpointId < 0) {
            throw new IllegalArgumentException("negative checkpoint id " + checkpointId);
        }
        TreeMap<String, FileRef> copy = new TreeMap<>();
        files.forEach((path, ref) -> copy.put(LocalFiles.checkRelative(path), Objects.requireNonNull(ref, path)));
        files = Collections.unmodifiableSortedMap(copy);
    }
}
