package dev.weir.runtime.time;

import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Timers of one time domain, ordered by timestamp and de-duplicated: registering the same (timestamp, key,
 * namespace) twice yields one firing.
 */
public final class TimerQueue<K, N> {
    private final PriorityQueue<InternalTimer<K, N>> queue = new PriorityQueue<>();
    private final Set<InternalTimer<K, N>> members = new HashSet<>();

    public void register(long timestampMillis, K key, N namespace) {
        InternalTimer<K, N> t = new InternalTimer<>(timestampMillis, key, namespace);
        if (members.add(t)) {
            queue.add(t);
        }
    }

    public void delete(long timestampMillis, K key, N namespace) {
        InternalTimer<K, N> t = new InternalTimer<>(timestampMillis, key, namespace);
        if (members.remove(t)) {
            queue.remove(t);
        }
    }

    /**
     * Fires, in timestamp order, every timer with timestamp {@code <= upToMillis}, including timers that firing
     * callbacks register at or before {@code upToMillis}.
     */
    public void fireUpTo(long upToMillis, Consumer<InternalTimer<K, N>> callback) {
        InternalTimer<K, N> head;
        while ((head = queue.peek()) != null && head.timestampMillis() <= upToMillis) {
            queue.poll();
            members.remove(head);
            callback.accept(head);
        }
    }

    /** Timestamp of the earliest timer, or {@link Long#MAX_VALUE} if none. */
    public long nextTimestamp() {
        InternalTimer<K, N> head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.timestampMillis();
    }

    public int size() {
        return queue.size();
    }

    public Iterable<InternalTimer<K, N>> all() {
        return members;
    }
}
