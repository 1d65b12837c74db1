package dev.weir.runtime.source;

/**
 * A partitioned source of records.
 *
 * @param <T> record value type
 */
public interface Source<T> {
    /** Number of partitions; each gets a reader and its own watermark. */
    int partitions();

    SourceReader<T> createReader(int partition);

    /** The type of the records, for serdes and validation. */
    Class<T> type();
}
