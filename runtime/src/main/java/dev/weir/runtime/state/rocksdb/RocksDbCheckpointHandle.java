package dev.weir.runtime.state.rocksdb;

import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.NativeStateHandle;
import java.util.List;
import java.util.Objects;

/**
 * The snapshot of a RocksDB backend in {@link SnapshotKind#CHECKPOINT} kind: where its files are, not the state
 * itself. The files are in {@code <checkpoint directory>/<directory name of the operator>}
 * ({@link RocksDbStateBackendFactory#directoryName}); uploading them and putting them back before a restore
 * ({@link RocksDbStateBackendFactory#restoreFrom}) is the caller's job.
 *
 * @param operator          the operator whose state this is
 * @param numberOfKeyGroups the pipeline's number of key groups
 * @param keyGroupRange     the key groups the backend owned (a native checkpoint restores into the same range only)
 * @param files             the checkpoint's file names, relative to its directory, sorted
 */
public record RocksDbCheckpointHandle(String operator, int numberOfKeyGroups, KeyGroupRange keyGroupRange,
                                      List<String> files) implements NativeStateHandle {
    public RocksDbCheckpointHandle {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        files = List.copyOf(files);
    }

    @Override
    public String backendKind() {
        return "RocksDB";
    }
}
