package dev.weir.runtime.source;

import dev.weir.api.event.Headers;
import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import java.util.Objects;

/**
 * A bounded source that generates records from their index: record {@code i} of partition {@code p} is
 * {@code generator.generate(i)} for {@code i = p, p + partitions, p + 2 * partitions, ...} below {@code count}.
 * Deterministic, allocation only for the generated values: the source of demos and benchmarks. A reader's snapshot
 * is the index of its next record.
 */
public final class GeneratorSource<T> implements Source<T> {
    /** Makes record {@code index}. */
    @FunctionalInterface
    public interface Generator<T> {
        T generate(long index);
    }

    /** Gives a generated record its source timestamp. */
    @FunctionalInterface
    public interface Timestamps<T> {
        long timestampMillis(T value, long index);
    }

    private final Class<T> type;
    private final long count;
    private final int partitions;
    private final Generator<T> generator;
    private final Timestamps<T> timestamps;

    public GeneratorSource(Class<T> type, long count, int partitions, Generator<T> generator, Timestamps<T> timestamps) {
        if (count < 0 || partitions < 1) {
            throw new IllegalArgumentException("count must be >= 0 and partitions >= 1");
        }
        this.type = Objects.requireNonNull(type);
        this.count = count;
        this.partitions = partitions;
        this.generator = Objects.requireNonNull(generator);
        this.timestamps = Objects.requireNonNull(timestamps);
    }

    @Override
    public int partitions() {
        return partitions;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public SourceReader<T> createReader(int partition) {
        return new Reader(partition);
    }

    private final class Reader implements SourceReader<T>, Checkpointed {
        private final int partition;
        private long next;

        Reader(int partition) {
            this.partition = partition;
            this.next = partition;
        }

        @Override
        public ReadStatus poll(RecordSink<T> sink, int maxRecords) {
            if (next >= count) {
                return ReadStatus.END_OF_INPUT;
            }
            for (int n = 0; n < maxRecords && next < count; n++, next += partitions) {
                T v = generator.generate(next);
                sink.record(v, timestamps.timestampMillis(v, next), Headers.EMPTY);
            }
            return ReadStatus.MORE;
        }

        @Override
        public Object snapshotState() {
            return next;
        }

        @Override
        public void restoreState(Object state) {
            long index = Snapshots.expect(state, Long.class, "generator source reader");
            if (index < partition || (index - partition) % partitions != 0) {
                throw new IllegalArgumentException("record " + index + " is not in partition " + partition + " of "
                        + partitions);
            }
            next = index;
        }
    }
}
