package dev.weir.runtime.source;

import dev.weir.api.event.Headers;

/**
 * Receives records (and, from sources that know them, watermarks) read from a source partition.
 *
 * @param <T> record value type
 */
public interface RecordSink<T> {
    /**
     * @param sourceTimestampMillis the timestamp the source knows (e.g. Kafka's record timestamp), milliseconds
     *                              since the epoch; the watermark strategy's timestamp assigner may override it
     */
    void record(T value, long sourceTimestampMillis, Headers headers);

    /**
     * A watermark the source itself knows (a test script, or the watermark control records of an internal shuffle
     * topic). Used only with {@link dev.weir.runtime.watermark.WatermarkStrategy#fromSource()}; ignored otherwise.
     */
    default void watermark(long watermarkMillis) {
    }
}
