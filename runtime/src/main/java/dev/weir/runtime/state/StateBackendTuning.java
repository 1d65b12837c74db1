package dev.weir.runtime.state;

/**
 * Resource settings of the state backends of one task run (RocksDB; the heap backend has none).
 *
 * @param blockCacheBytes  RocksDB's block cache, shared by the task's databases; write buffers are charged to it, so
 *                         it bounds their native memory (besides per-file index readers)
 * @param writeBufferBytes RocksDB's memtable budget within that cache
 */
public record StateBackendTuning(long blockCacheBytes, long writeBufferBytes) {
    /** 64 MiB block cache, 32 MiB of write buffers. */
    public static final StateBackendTuning DEFAULTS = new StateBackendTuning(64L << 20, 32L << 20);

    public StateBackendTuning {
        if (blockCacheBytes < (1 << 20) || writeBufferBytes < (1 << 20) || writeBufferBytes > blockCacheBytes) {
            throw new IllegalArgumentException("need 1 MiB <= write buffers <= block cache, was block cache "
                    + blockCacheBytes + ", write buffers " + writeBufferBytes);
        }
    }
}
