package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.CategoryAverage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * q4's second step on Kafka Streams: per category, the running count and sum of winning prices after each closing
 * millisecond. {@link AuctionCloser} forwards closings in order of their closing millisecond (the record
 * timestamp, event time), so the closings of millisecond {@code t} are complete once a record with a later
 * timestamp arrives (a later closing or the end-of-input mark); then one {@link CategoryAverage} per category
 * that closed auctions at {@code t} is emitted, with timestamp {@code t}.
 *
 * <p>Processor API, not the DSL: the rows are a running aggregate emitted once per closing millisecond, which
 * neither a windowed nor a table aggregation expresses. A closing older than the pending millisecond would break
 * the ordering this relies on and fails the task.
 */
final class CategoryRunningAverage implements Processor<Integer, Closing, Integer, CategoryAverage> {
    static final String TOTALS = "q4-category-totals";
    static final String PENDING = "q4-pending-closings";
    static final String PENDING_MILLIS = "q4-pending-millis";
    private static final String KEY = "t";

    private ProcessorContext<Integer, CategoryAverage> context;
    private KeyValueStore<Integer, CountSum> totals;
    private KeyValueStore<Integer, CountSum> pending;
    private KeyValueStore<String, Long> pendingMillis;

    static ProcessorSupplier<Integer, Closing, Integer, CategoryAverage> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<Integer, Closing, Integer, CategoryAverage> get() {
                return new CategoryRunningAverage();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(TOTALS), Serdes.Integer(),
                                StreamsJson.serde(CountSum.class)),
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING), Serdes.Integer(),
                                StreamsJson.serde(CountSum.class)),
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING_MILLIS), Serdes.String(),
                                Serdes.Long()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Integer, CategoryAverage> context) {
        this.context = context;
        totals = context.getStateStore(TOTALS);
        pending = context.getStateStore(PENDING);
        pendingMillis = context.getStateStore(PENDING_MILLIS);
    }

    @Override
    public void process(Record<Integer, Closing> r) {
        long t = r.timestamp();
        Long current = pendingMillis.get(KEY);
        if (current != null && t < current) {
            throw new IllegalStateException("closing at " + t + " after closings at " + current + ": out of order");
        }
        if (current != null && t > current) {
            emitPending(current);
        }
        if (!r.value().isEndMark()) {
            CountSum old = pending.get(r.key());
            pending.put(r.key(), (old == null ? CountSum.ZERO : old).plus(new CountSum(1, r.value().winner().price())));
        }
        pendingMillis.put(KEY, t);
    }

    private void emitPending(long t) {
        List<KeyValue<Integer, CountSum>> closed = new ArrayList<>();
        try (KeyValueIterator<Integer, CountSum> it = pending.all()) {
            it.forEachRemaining(closed::add);
        }
        for (KeyValue<Integer, CountSum> e : closed) {
            pending.delete(e.key);
            CountSum old = totals.get(e.key);
            CountSum total = (old == null ? CountSum.ZERO : old).plus(e.value);
            totals.put(e.key, total);
            context.forward(new Record<>(e.key, new CategoryAverage(e.key, t, total.count(), total.sum()), t));
        }
    }
}
