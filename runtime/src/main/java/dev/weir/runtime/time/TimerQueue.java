package dev.weir.runtime.time;

import dev.weir.runtime.checkpoint.Checkpointed;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Timers of one time domain of a keyed operator, ordered by timestamp and de-duplicated: registering the same
 * (timestamp, key, namespace) twice yields one firing. Timestamps are event or processing time in epoch
 * milliseconds, as the owning operator decides; a timer is due when that time reaches its timestamp (inclusive).
 *
 * <p>Created by the keyed state backend ({@link dev.weir.runtime.state.KeyedStateBackend#timerQueue}), so timers live
 * where the keyed state lives: on the heap ({@link HeapTimerQueue}) or in RocksDB. The order of timers with equal
 * timestamps is the implementation's (the heap fires them in registration order) but fixed for a given state, so a
 * restored task fires them as the original would have.
 *
 * @param <K> key type
 * @param <N> namespace type (e.g. a window)
 */
public interface TimerQueue<K, N> extends Checkpointed {
    void register(long timestampMillis, K key, N namespace);

    /** Removes the timer if it is registered. */
    void delete(long timestampMillis, K key, N namespace);

    /**
     * Fires, in timestamp order, every timer with timestamp {@code <= upToMillis}, including timers that firing
     * callbacks register at or before {@code upToMillis}; a timer deleted by a callback before its turn does not fire.
     * A timer is removed before its callback runs.
     */
    void fireUpTo(long upToMillis, Consumer<InternalTimer<K, N>> callback);

    /** Timestamp of the earliest timer, or {@link Long#MAX_VALUE} if none. */
    long nextTimestamp();

    /** Number of registered timers. */
    long size();

    /** All timers, in firing order (for snapshots and tests). */
    Iterable<InternalTimer<K, N>> all();

    /**
     * Restores a snapshot taken by {@link #snapshotState()}, registering only the timers whose key {@code keep}
     * accepts (e.g. the keys of a task's key groups).
     */
    void restoreState(Object state, Predicate<? super K> keep);

    @Override
    default void restoreState(Object state) {
        restoreState(state, key -> true);
    }
}
