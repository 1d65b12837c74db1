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

    /**
     * The stable identity of the partition read by reader {@code partition}: the same number in every run, whichever
     * task reads it. A task of a parallel pipeline reads a subset of a source's partitions, so its reader indexes
     * ({@code 0..partitions()-1}) are not the source's partition numbers; a savepoint files reader positions under
     * these ids, so a pipeline restored at another parallelism resumes each partition where it was.
     */
    default int partitionId(int partition) {
        return partition;
    }

    /**
     * Whether a stop-with-savepoint <em>drains</em> this source instead of keeping its position: an internal shuffle,
     * whose records all reach their consumers before the savepoint is taken (and whose topic does not outlive the
     * parallelism it was made for). Drained sources are read until drained; their state is not part of savepoints.
     */
    default boolean drainedBySavepoint() {
        return false;
    }
}
