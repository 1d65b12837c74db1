package dev.weir.api.window;

import java.time.Instant;

/**
 * A window: the half-open time interval {@code [startMillis, endMillis)}, milliseconds since the epoch.
 * Example: {@code new Window(600_000, 900_000)} holds timestamps {@code 600000 <= ts < 900000}; its
 * {@linkplain #maxTimestampMillis() max timestamp} is 899999, and results emitted for it carry that timestamp.
 *
 * @param startMillis first timestamp in the window (inclusive)
 * @param endMillis   first timestamp after the window (exclusive)
 */
public record Window(long startMillis, long endMillis) implements Comparable<Window> {

    private static final Window GLOBAL = new Window(Long.MIN_VALUE, Long.MAX_VALUE);

    public Window {
        if (endMillis <= startMillis) {
            throw new IllegalArgumentException("window end " + endMillis + " must be after start " + startMillis);
        }
    }

    /** The single window of {@link GlobalWindows}: all of time. */
    public static Window global() {
        return GLOBAL;
    }

    public boolean isGlobal() {
        return this.equals(GLOBAL);
    }

    /** The largest timestamp inside the window: {@code end - 1}. The window is complete when the watermark reaches it. */
    public long maxTimestampMillis() {
        return endMillis == Long.MAX_VALUE ? Long.MAX_VALUE : endMillis - 1;
    }

    public boolean contains(long timestampMillis) {
        return timestampMillis >= startMillis && timestampMillis < endMillis;
    }

    /** Whether the two windows overlap or touch (used to merge session windows). */
    public boolean intersects(Window other) {
        return startMillis <= other.endMillis && other.startMillis <= endMillis;
    }

    /** The smallest window covering both. */
    public Window cover(Window other) {
        return new Window(Math.min(startMillis, other.startMillis), Math.max(endMillis, other.endMillis));
    }

    public Instant start() {
        return Instant.ofEpochMilli(startMillis);
    }

    public Instant end() {
        return Instant.ofEpochMilli(endMillis);
    }

    @Override
    public int compareTo(Window o) {
        int c = Long.compare(startMillis, o.startMillis);
        return c != 0 ? c : Long.compare(endMillis, o.endMillis);
    }

    @Override
    public String toString() {
        return isGlobal() ? "[global)" : "[" + start() + ", " + end() + ")";
    }
}
