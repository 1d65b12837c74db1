package dev.weir.bench.nexmark.kafka.streams;

import java.nio.ByteBuffer;
import org.apache.kafka.common.utils.Bytes;

/**
 * A store key of two non-negative longs, big-endian, so that the byte order of the in-memory and RocksDB stores is
 * the numeric order of {@code (first, second)}: {@link #first(long)} to {@link #last(long)} ranges over every key
 * with the same first part. Lets a key-value store hold a keyed list as one entry per element (one put per add,
 * not a rewrite of the whole list).
 */
final class PairKey {
    private PairKey() {
    }

    static Bytes of(long first, long second) {
        return Bytes.wrap(ByteBuffer.allocate(16).putLong(first).putLong(second).array());
    }

    static Bytes first(long first) {
        return of(first, 0);
    }

    static Bytes last(long first) {
        return of(first, Long.MAX_VALUE);
    }

    static long firstOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong(0);
    }

    static long secondOf(Bytes key) {
        return ByteBuffer.wrap(key.get()).getLong(8);
    }
}
