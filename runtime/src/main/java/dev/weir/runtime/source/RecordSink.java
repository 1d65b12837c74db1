package dev.weir.runtime.source;

import dev.weir.api.event.Headers;

/**
 * Receives records read from a source partition.
 *
 * @param <T> record value type
 */
@FunctionalInterface
public interface RecordSink<T> {
    /**
     * @param sourceTimestampMillis the timestamp the source knows (e.g. Kafka's record timestamp), milliseconds
     *                              since the epoch; the watermark strategy's timestamp assigner may override it
     */
    void record(T value, long sourceTimestampMillis, Headers headers);
}
