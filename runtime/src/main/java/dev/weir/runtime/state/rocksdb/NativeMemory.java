package dev.weir.runtime.state.rocksdb;

/**
 * Native memory of a {@link RocksDbStateBackendFactory}'s databases, in bytes, as RocksDB reports it.
 *
 * @param blockCacheBytes       used by the shared block cache; memtables are charged to it too (by the write buffer
 *                              manager), so this is the bounded part
 * @param blockCacheCapacity    the block cache's configured size
 * @param pinnedBytes           the part of the block cache pinned (in use, not evictable)
 * @param memTableBytes         memtables of all databases (already counted in the block cache usage)
 * @param tableReaderBytes      table readers (index and filter blocks outside the cache, per open file)
 */
public record NativeMemory(long blockCacheBytes, long blockCacheCapacity, long pinnedBytes, long memTableBytes,
                           long tableReaderBytes) {

    /** What the databases hold in native memory: the block cache (memtables included) plus table readers. */
    public long totalBytes() {
        return blockCacheBytes + tableReaderBytes;
    }
}
