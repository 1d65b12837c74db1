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

        /**
         * The event-time watermark of the stream this writer receives advanced; most writers ignore it, an
         * internal shuffle forwards it to the downstream tasks.
         */
        default void watermark(long watermarkMillis) throws Exception {
        }

        /** The stream this writer receives became idle ({@code true}) or active again. */
        default void idle(boolean idle) throws Exception {
        }

        /** No more input will come; by default a {@link #flush()}. */
        default void endOfInput() throws Exception {
            flush();
        }

        @Override
        default void close() throws Exception {
        }
    }
}
