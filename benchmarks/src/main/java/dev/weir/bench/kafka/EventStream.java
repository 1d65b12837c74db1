package dev.weir.bench.kafka;

import dev.weir.bench.BidGenerator;

/**
 * The deterministic input stream: event {@code i} is computed from {@code i} alone, by the engine benchmark's
 * {@link BidGenerator} (a SplitMix64 hash of the index), so every run and every partitioning sees the same
 * events. Key: uniform over {@code keys}; event time: {@code base + i × 10 µs} (100,000 events per second of event
 * time) plus a jitter uniform in {@code [0, 511]} ms; {@code seq = i}.
 */
public final class EventStream {
    /** Keys of the standard workload. */
    public static final int STANDARD_KEYS = BidGenerator.STANDARD_AUCTIONS;

    private final BidGenerator generator;
    private final byte[][] keys;

    /** The stream over {@code keys} keys starting at {@link BidGenerator#STANDARD_BASE_MILLIS}. */
    public EventStream(int keys) {
        if (keys < 1 || keys > EventCodec.MAX_KEYS) {
            throw new IllegalArgumentException("keys must be in [1, " + EventCodec.MAX_KEYS + "], was " + keys);
        }
        this.generator = new BidGenerator(BidGenerator.STANDARD_BASE_MILLIS, keys, 0);
        this.keys = new byte[keys][];
        for (int k = 0; k < keys; k++) {
            this.keys[k] = EventCodec.key(k);
        }
    }

    public static EventStream standard() {
        return new EventStream(STANDARD_KEYS);
    }

    public int keys() {
        return keys.length;
    }

    /** The key index of event {@code i}. */
    public int keyIndex(long i) {
        return (int) generator.auction(i);
    }

    /** The Kafka record key of event {@code i}; a shared array, do not modify. */
    public byte[] key(long i) {
        return keys[keyIndex(i)];
    }

    /** The Kafka record key of key index {@code k}; a shared array, do not modify. */
    public byte[] keyBytes(int k) {
        return keys[k];
    }

    /** The event time of event {@code i}. */
    public long eventTimeMillis(long i) {
        return generator.eventTimeMillis(i);
    }

    /** Event {@code i} with its generated event time. */
    public byte[] event(long i) {
        return EventCodec.encode(keyIndex(i), eventTimeMillis(i), i);
    }

    /** Event {@code i}'s key and sequence number, with {@code timestampMillis} as its time (latency runs). */
    public byte[] stampedEvent(long i, long timestampMillis) {
        return EventCodec.encode(keyIndex(i), timestampMillis, i);
    }
}
