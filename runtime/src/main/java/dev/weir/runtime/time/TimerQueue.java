package dev.weir.runtime.time;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Timers of one time domain, ordered by timestamp and de-duplicated: registering the same (timestamp, key,
 * namespace) twice yields one firing. Timers with equal timestamps fire in registration order.
 *
 * <p>Timers are kept in buckets per timestamp (a sorted map). Window operators register many timers on few distinct
 * timestamps (every key's window ends at the same time), so registering, deleting and firing cost a hash-set
 * operation plus a lookup in a small sorted map, instead of a heap operation over all timers (and deletion is not
 * a linear scan). A bucket holding a single timer (the common case for session windows and per-key timeouts, whose
 * timestamps rarely coincide) is the timer itself, not a set.
 */
public final class TimerQueue<K, N> {
    /** Timestamp -> an {@link InternalTimer}, or a {@link LinkedHashSet} of them when there are several. */
    private final TreeMap<Long, Object> buckets = new TreeMap<>();
    private int size;

    public void register(long timestampMillis, K key, N namespace) {
        InternalTimer<K, N> timer = new InternalTimer<>(timestampMillis, key, namespace);
        Object bucket = buckets.get(timestampMillis);
        if (bucket == null) {
            buckets.put(timestampMillis, timer);
            size++;
        } else if (bucket instanceof LinkedHashSet<?> set) {
            if (asSet(set).add(timer)) {
                size++;
            }
        } else if (!bucket.equals(timer)) {
            LinkedHashSet<InternalTimer<K, N>> set = new LinkedHashSet<>();
            set.add(asTimer(bucket));
            set.add(timer);
            buckets.put(timestampMillis, set);
            size++;
        }
    }

    public void delete(long timestampMillis, K key, N namespace) {
        Object bucket = buckets.get(timestampMillis);
        if (bucket == null) {
            return;
        }
        InternalTimer<K, N> timer = new InternalTimer<>(timestampMillis, key, namespace);
        if (bucket instanceof LinkedHashSet<?> set) {
            if (asSet(set).remove(timer)) {
                size--;
                if (set.isEmpty()) {
                    buckets.remove(timestampMillis);
                }
            }
        } else if (bucket.equals(timer)) {
            buckets.remove(timestampMillis);
            size--;
        }
    }

    /**
     * Fires, in timestamp order, every timer with timestamp {@code <= upToMillis}, including timers that firing
     * callbacks register at or before {@code upToMillis}; a timer deleted by a callback before its turn does not fire.
     */
    public void fireUpTo(long upToMillis, Consumer<InternalTimer<K, N>> callback) {
        Map.Entry<Long, Object> first;
        while ((first = buckets.firstEntry()) != null && first.getKey() <= upToMillis) {
            InternalTimer<K, N> timer;
            if (first.getValue() instanceof LinkedHashSet<?> set) {
                Iterator<InternalTimer<K, N>> it = asSet(set).iterator();
                timer = it.next();
                it.remove();
                if (set.isEmpty()) {
                    buckets.remove(first.getKey());
                }
            } else {
                timer = asTimer(first.getValue());
                buckets.remove(first.getKey());
            }
            size--;
            callback.accept(timer);
        }
    }

    /** Timestamp of the earliest timer, or {@link Long#MAX_VALUE} if none. */
    public long nextTimestamp() {
        return buckets.isEmpty() ? Long.MAX_VALUE : buckets.firstKey();
    }

    public int size() {
        return size;
    }

    /** All timers, in timestamp order (for snapshots and tests). */
    public Iterable<InternalTimer<K, N>> all() {
        return () -> buckets.values().stream().flatMap(this::timersOf).iterator();
    }

    private Stream<InternalTimer<K, N>> timersOf(Object bucket) {
        return bucket instanceof LinkedHashSet<?> set ? asSet(set).stream() : List.of(asTimer(bucket)).stream();
    }

    @SuppressWarnings("unchecked")
    private InternalTimer<K, N> asTimer(Object bucket) {
        return (InternalTimer<K, N>) bucket;
    }

    @SuppressWarnings("unchecked")
    private LinkedHashSet<InternalTimer<K, N>> asSet(LinkedHashSet<?> set) {
        return (LinkedHashSet<InternalTimer<K, N>>) set;
    }
}
