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
     * A logical snapshot, the heap backend's format ({@link dev.weir.runtime.state.KeyedStateSnapshot} and timer lists):
     * every value deserialized. Portable between the heap and RocksDB and across parallelism (rescaling), slower.
     */
    SAVEPOINT
}
