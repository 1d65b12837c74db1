package dev.weir.runtime.task;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A checkpoint read back from a {@link SnapshotStore}.
 *
 * @param name      the checkpoint restored: the one asked for, or an older one if that one was unusable
 * @param metadata  the engine snapshot's bytes
 * @param directory where the checkpoint's files were put (empty when it has none)
 */
public record RestoredSnapshot(CheckpointName name, byte[] metadata, Path directory) {
    public RestoredSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(directory, "directory");
    }
}
