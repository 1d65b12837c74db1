package dev.weir.runtime.source;

/**
 * Reads one partition of a source. Called from a single thread.
 *
 * @param <T> record value type
 */
public interface SourceReader<T> extends AutoCloseable {
    /** Reads up to {@code maxRecords} records into {@code sink} without blocking for long. */
    ReadStatus poll(RecordSink<T> sink, int maxRecords) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
