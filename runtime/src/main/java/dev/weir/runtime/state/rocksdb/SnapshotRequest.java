package dev.weir.runtime.state.rocksdb;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The snapshot kind the backends of one factory produce next, and for the native kinds the directory
 * that receives one sub-directory per operator.
 */
record SnapshotRequest(SnapshotKind kind, Path directory) {
    static final SnapshotRequest SAVEPOINT = new SnapshotRequest(SnapshotKind.SAVEPOINT, null);

    SnapshotRequest {
        Objects.requireNonNull(kind, "kind");
        if (kind != SnapshotKind.SAVEPOINT) {
            Objects.requireNonNull(directory, "a native snapshot needs a directory");
        }
    }
}
