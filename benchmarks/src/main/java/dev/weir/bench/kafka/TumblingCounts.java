package dev.weir.bench.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of {@link KafkaTumblingCount}'s tasks: counts per key in each open tumbling window
 * {@code [start, start + size)} (half-open, {@code start} a multiple of the size), fired in window order once the
 * watermark reaches a window's last timestamp {@code start + size - 1}. A record of a window that has fired is
 * late and dropped. Example, size 10 s: a record at 12,345 ms counts in {@code [10000, 20000)}, which fires when
 * the watermark reaches 19,999.
 */
final class TumblingCounts {
    /** Receives a fired window's count for one key. */
    interface Emitter {
        void emit(byte[] key, long startMillis, long count, long lastMillis);
    }

    private final long sizeMillis;
    private final TreeMap<Long, Map<Key, long[]>> windows = new TreeMap<>();
    /** Windows starting before this have fired. */
    private long firedBefore = Long.MIN_VALUE;

    TumblingCounts(long sizeMillis) {
        if (sizeMillis < 1) {
            throw new IllegalArgumentException("size must be >= 1 ms, was " + sizeMillis);
        }
        this.sizeMillis = sizeMillis;
    }

    /** Counts a record; false (and not counted) if its window has fired. */
    boolean add(byte[] key, long timestampMillis) {
        long start = Math.floorDiv(timestampMillis, sizeMillis) * sizeMillis;
        if (start < firedBefore) {
            return false;
        }
        windows.computeIfAbsent(start, s -> new HashMap<>()).computeIfAbsent(new Key(key), k -> new long[1])[0]++;
        return true;
    }

    /** Fires, in window order, every window whose last timestamp is at or below {@code watermarkMillis}. */
    void fire(long watermarkMillis, Emitter emitter) {
        Iterator<Map.Entry<Long, Map<Key, long[]>>> it = windows.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Long, Map<Key, long[]>> w = it.next();
            long last = w.getKey() + sizeMillis - 1;
            if (last > watermarkMillis) {
                return;
            }
            for (Map.Entry<Key, long[]> c : w.getValue().entrySet()) {
                emitter.emit(c.getKey().bytes, w.getKey(), c.getValue()[0], last);
            }
            firedBefore = w.getKey() + sizeMillis;
            it.remove();
        }
    }

    int openWindows() {
        return windows.size();
    }

    /** The output value of a window result: {@code {"key":"k000123","start":<ms>,"count":<n>}}. */
    static byte[] result(byte[] key, long startMillis, long count) {
        return ("{\"key\":\"" + new String(key, StandardCharsets.US_ASCII) + "\",\"start\":" + startMillis
                + ",\"count\":" + count + "}").getBytes(StandardCharsets.US_ASCII);
    }

    /** A record key as a map key (byte arrays compare by identity). */
    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
    }
}
