package dev.weir.runtime.state.rocksdb;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of a {@link RocksDbStateBackendFactory}. Native memory is bounded by {@code blockCacheBytes}: memtables
 * are charged to the block cache ({@code writeBufferBytes} of it at most), shared by every database of the factory.
 *
 * @param localDirectory   working directory; the databases live in {@code <localDirectory>/db/<operator>} and are
 *                         deleted when the factory closes (checkpoints are elsewhere)
 * @param blockCacheBytes  size of the LRU block cache shared by all databases of the factory (data, index and filter
 *                         blocks, and the memtables)
 * @param writeBufferBytes memtable budget of all databases together, charged to the block cache; a memtable is
 *                         flushed when it is reached (must be at most {@code blockCacheBytes})
 * @param classLoader      resolves the classes of state values (the loader of the pipeline's functions); null for
 *                         this class's loader
 */
public record RocksDbOptions(Path localDirectory, long blockCacheBytes, long writeBufferBytes, ClassLoader classLoader) {
    /** 64 MiB. */
    public static final long DEFAULT_BLOCK_CACHE_BYTES = 64L << 20;
    /** 32 MiB. */
    public static final long DEFAULT_WRITE_BUFFER_BYTES = 32L << 20;

    public RocksDbOptions {
        Objects.requireNonNull(localDirectory, "localDirectory");
        if (blockCacheBytes <= 0 || writeBufferBytes <= 0 || writeBufferBytes > blockCacheBytes) {
            throw new IllegalArgumentException("need 0 < writeBufferBytes (" + writeBufferBytes
                    + ") <= blockCacheBytes (" + blockCacheBytes + ")");
        }
    }

    /**
     * A 64 MiB block cache with 32 MiB of it for memtables, classes from the calling thread's context class loader.
     */
    public static RocksDbOptions defaults(Path localDirectory) {
        return new RocksDbOptions(localDirectory, DEFAULT_BLOCK_CACHE_BYTES, DEFAULT_WRITE_BUFFER_BYTES,
                Thread.currentThread().getContextClassLoader());
    }

    public RocksDbOptions withClassLoader(ClassLoader loader) {
        return new RocksDbOptions(localDirectory, blockCacheBytes, writeBufferBytes, loader);
    }

    public RocksDbOptions withMemory(long newBlockCacheBytes, long newWriteBufferBytes) {
        return new RocksDbOptions(localDirectory, newBlockCacheBytes, newWriteBufferBytes, classLoader);
    }
}
