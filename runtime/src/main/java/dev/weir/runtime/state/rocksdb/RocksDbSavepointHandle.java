package dev.weir.runtime.state.rocksdb;

import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.NativeStateHandle;
import java.util.List;
import java.util.Objects;

/**
 * The snapshot of a RocksDB backend in {@link SnapshotKind#NATIVE_SAVEPOINT} kind: where its files are, not the
 * state. The files are a RocksDB checkpoint in {@code <savepoint directory>/<directory>}; the directory name says the
 * operator and the key groups ({@link #directoryFor}), so the parts of all tasks of a savepoint can lie side by side.
 *
 * @param operator          the operator whose state this is
 * @param numberOfKeyGroups the pipeline's number of key groups
 * @param keyGroupRange     the key groups the backend owned: its files hold no others
 * @param directory         the directory of the files, relative to the savepoint directory
 * @param files             the file names in it, sorted
 */
public record RocksDbSavepointHandle(String operator, int numberOfKeyGroups, KeyGroupRange keyGroupRange,
                                     String directory, List<String> files) implements NativeStateHandle {
    public RocksDbSavepointHandle {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        Objects.requireNonNull(directory, "directory");
        files = List.copyOf(files);
    }

    /** {@code <directory name of the operator>-kg<first>-<last>}: unique within one savepoint. */
    static String directoryFor(String operator, KeyGroupRange range) {
        return CheckpointFiles.directoryName(operator) + "-kg" + range.startInclusive() + "-" + range.endInclusive();
    }

    @Override
    public String backendKind() {
        return "RocksDB";
    }
}
