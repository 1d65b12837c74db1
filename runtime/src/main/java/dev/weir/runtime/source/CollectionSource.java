package dev.weir.runtime.source;

import dev.weir.api.event.Event;
import dev.weir.api.event.Headers;
import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bounded source over in-memory events, split into partitions by the caller. Each
 * partition is read in list order, so out-of-order input is reproduced exactly. A reader's snapshot is the index of
 * the next event.
 */
public final class CollectionSource<T> implements Source<T> {
    private final List<List<Event<?, T>>> partitions;
    private final Class<T> type;

    private CollectionSource(List<List<Event<?, T>>> partitions, Class<T> type) {
        this.partitions = partitions;
        this.type = type;
    }

    /** One partition holding {@code events} in order. */
    public static <T> CollectionSource<T> of(Class<T> type, List<? extends Event<?, T>> events) {
        return new CollectionSource<>(List.of(List.copyOf(events)), type);
    }

    /** Several partitions, each read in its own order. */
    public static <T> CollectionSource<T> ofPartitions(Class<T> type, List<? extends List<? extends Event<?, T>>> parts) {
        List<List<Event<?, T>>> copy = new ArrayList<>();
        for (List<? extends Event<?, T>> p : parts) {
            copy.add(List.copyOf(p));
        }
        return new CollectionSource<>(List.copyOf(copy), Objects.requireNonNull(type));
    }

    @Override
    public int partitions() {
        return partitions.size();
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public SourceReader<T> createReader(int partition) {
        return new Reader<>(partitions.get(partition));
    }

    private static final class Reader<T> implements SourceReader<T>, Checkpointed {
        private final List<Event<?, T>> events;
        private int next;

        Reader(List<Event<?, T>> events) {
            this.events = events;
        }

        @Override
        public ReadStatus poll(RecordSink<T> sink, int maxRecords) {
            if (next >= events.size()) {
                return ReadStatus.END_OF_INPUT;
            }
            int end = Math.min(events.size(), next + maxRecords);
            for (; next < end; next++) {
                Event<?, T> e = events.get(next);
                sink.record(e.value(), e.timestampMillis(), e.headers() == null ? Headers.EMPTY : e.headers());
            }
            return ReadStatus.MORE;
        }

        @Override
        public Object snapshotState() {
            return next;
        }

        @Override
        public void restoreState(Object state) {
            int position = Snapshots.expect(state, Integer.class, "collection source reader");
            if (position < 0 || position > events.size()) {
                throw new IllegalArgumentException("position " + position + " is outside this partition's "
                        + events.size() + " events");
            }
            next = position;
        }
    }
}
