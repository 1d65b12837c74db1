package dev.weir.runtime.state.rocksdb;

/** What a RocksDB backend's {@code snapshotState()} produces; chosen with {@link RocksDbStateBackendFactory#prepareSnapshot}. */
public enum SnapshotKind {
    /**
     * A native checkpoint: the database's files in a directory (table files hard-linked, no copy), returned as a
     * {@link RocksDbCheckpointHandle}; timers are in those files. Fast and incremental-friendly, but restores only into
     * a RocksDB backend of the same operator and key groups ({@link RocksDbStateBackendFactory#restoreFrom}).
     */
    CHECKPOINT,
    /**
     * A native savepoint: like {@link #CHECKPOINT}, the database's files in a directory of their own
     * ({@code <directory>/<operator directory>-kg<first>-<last>}), returned as a {@link RocksDbSavepointHandle};
     * timers are in those files. Restores into RocksDB backends of any key-group range: each copies the entries of
     * its own key groups, raw ({@link RocksDbStateBackendFactory#restoreSavepointFiles}).
     */
    NATIVE_SAVEPOINT,
    /**
     * A logical (canonical) snapshot, the heap backend's format ({@link dev.weir.runtime.state.KeyedStateSnapshot} and timer lists):
     * every value deserialized. Portable between the heap and RocksDB and across parallelism (rescaling), slower.
     */
    SAVEPOINT
}
