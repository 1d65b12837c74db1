package dev.weir.runtime.time;

import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link TimerQueue} on the heap. Timers with equal timestamps fire in registration order.
 *
 * <p>Timers are kept in buckets per timestamp (a sorted map of insertion-ordered sets). Window operators register
 * many timers on few distinct timestamps (every key's window ends at the same time), so registering, deleting and
 * firing cost a hash-set operation plus a lookup in a small sorted map, instead of a heap operation over all timers
 * (and deletion is not a linear scan).
 *
 * <p>A snapshot is the list of timers in firing order; restoring registers them in that order, so timers with equal
 * timestamps keep their relative order.
 */
public final class HeapTimerQueue<K, N> implements TimerQueue<K, N> {
    private final TreeMap<Long, LinkedHashSet<InternalTimer<K, N>>> buckets = new TreeMap<>();
    private long size;

    @Override
    public void register(long timestampMillis, K key, N namespace) {
        LinkedHashSet<InternalTimer<K, N>> bucket = buckets.get(timestampMillis);
        if (bucket == null) {
            bucket = new LinkedHashSet<>();
            buckets.put(timestampMillis, bucket);
        }
        if (bucket.add(new InternalTimer<>(timestampMillis, key, namespace))) {
            size++;
        }
    }

    @Override
    public void delete(long timestampMillis, K key, N namespace) {
        LinkedHashSet<InternalTimer<K, N>> bucket = buckets.get(timestampMillis);
        if (bucket != null && bucket.remove(new InternalTimer<>(timestampMillis, key, namespace))) {
            size--;
            if (bucket.isEmpty()) {
                buckets.remove(timestampMillis);
            }
        }
    }

    /**
     * Fires, in timestamp order, every timer with timestamp {@code <= upToMillis}, including timers that firing
     * callbacks register at or before {@code upToMillis}; a timer deleted by a callback before its turn does not fire.
     */
    @Override
    public void fireUpTo(long upToMillis, Consumer<InternalTimer<K, N>> callback) {
        Map.Entry<Long, LinkedHashSet<InternalTimer<K, N>>> first;
        while ((first = buckets.firstEntry()) != null && first.getKey() <= upToMillis) {
            LinkedHashSet<InternalTimer<K, N>> bucket = first.getValue();
            Iterator<InternalTimer<K, N>> it = bucket.iterator();
            InternalTimer<K, N> timer = it.next();
            it.remove();
            size--;
            if (bucket.isEmpty()) {
                buckets.remove(first.getKey());
            }
            callback.accept(timer);
        }
    }

    /** Timestamp of the earliest timer, or {@link Long#MAX_VALUE} if none. */
    @Override
    public long nextTimestamp() {
        return buckets.isEmpty() ? Long.MAX_VALUE : buckets.firstKey();
    }

    @Override
    public long size() {
        return size;
    }

    /** All timers, in timestamp order (for snapshots and tests). */
    @Override
    public Iterable<InternalTimer<K, N>> all() {
        return () -> buckets.values().stream().flatMap(LinkedHashSet::stream).iterator();
    }

    /** The timers in firing order (a list of {@link InternalTimer}), or null if there are none. */
    @Override
    public Object snapshotState() {
        if (size == 0) {
            return null;
        }
        List<InternalTimer<K, N>> timers = new ArrayList<>((int) Math.min(size, Integer.MAX_VALUE));
        all().forEach(timers::add);
        return timers;
    }

    /** Registers the snapshot's timers whose key {@code keep} accepts (e.g. the keys of a task's key groups). */
    @SuppressWarnings("unchecked")
    @Override
    public void restoreState(Object state, Predicate<? super K> keep) {
        if (state == null) {
            return;
        }
        for (Object o : Snapshots.expect(state, List.class, "timer queue")) {
            InternalTimer<K, N> t = Snapshots.expect(o, InternalTimer.class, "timer queue");
            if (keep.test(t.key())) {
                register(t.timestampMillis(), t.key(), t.namespace());
            }
        }
    }
}
