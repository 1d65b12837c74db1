package dev.weir.runtime.graph;

/** Where a pipeline's keyed state (values, window contents, timers) lives while it runs. */
public enum StateBackendKind {
    /**
     * Hash maps on the JVM heap: fastest, but state must fit in the heap and every checkpoint copies all of it. For
     * tests and small state.
     */
    HEAP,
    /**
     * RocksDB on local disk, key-group-prefixed keys: state may exceed memory (native memory is bounded by the block
     * cache and write buffers), checkpoints upload only new SST files.
     */
    ROCKSDB
}
