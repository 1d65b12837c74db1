package dev.weir.runtime.watermark;

/**
 * Extracts an element's event timestamp (milliseconds since the epoch).
 *
 * @param <T> element type
 */
@FunctionalInterface
public interface TimestampAssigner<T> {
    /**
     * @param value           the element
     * @param sourceTimestamp the timestamp the source attached (e.g. the Kafka record timestamp)
     */
    long timestampMillis(T value, long sourceTimestamp);

    /** Keeps the source's timestamp. */
    static <T> TimestampAssigner<T> fromSource() {
        return (v, ts) -> ts;
    }
}
