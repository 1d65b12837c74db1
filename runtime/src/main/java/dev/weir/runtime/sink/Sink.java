package dev.weir.runtime.sink;

import dev.weir.api.event.Headers;

/**
 * Receives a pipeline's results. One writer per sink node and engine thread.
 *
 * @param <T> value type
 */
public interface Sink<T> {
    SinkWriter<T> createWriter();

    /** Writes results. */
    interface SinkWriter<T> extends AutoCloseable {
        /** @param timestampMillis the result's event timestamp */
        void write(T value, long timestampMillis, Headers headers) throws Exception;

        default void flush() throws Exception {
        }

        @Override
        default void close() throws Exception {
        }
    }
}
