package dev.weir.runtime.state.rocksdb;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The snapshot kind the backends of one factory produce next, and for {@link SnapshotKind#CHECKPOINT} the directory
 * that receives one sub-directory per operator.
 */
record SnapshotRequest(SnapshotKind kind, Path directory) {
    static final SnapshotRequest SAVEPOINT = new SnapshotRequest(SnapshotKind.SAVEPOINT, null);

    SnapshotRequest {
        Objects.requireNonNull(kind, "kind");
        if (kind == SnapshotKind.CHECKPOINT) {
            Objects.requireNonNull(directory, "a checkpoint needs a directory");
        }
    }
}
