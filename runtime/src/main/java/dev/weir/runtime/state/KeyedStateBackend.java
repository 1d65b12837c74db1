package dev.weir.runtime.state;

import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.time.TimerQueue;

/**
 * Keyed state of one task: every state is partitioned by key group so ranges can be extracted on rescale.
 * Accessors act on the current key, set by the operator before it touches state.
 *
 * <p>Values read from a backend that {@linkplain #storesReferences() stores references} (the heap backend) are
 * the stored objects: mutating them mutates state, and a {@code put} of the same object is optional. Backends
 * that serialize (RocksDB) need the {@code put}; operators always write back, guarded by this flag on hot paths.
 *
 * <p>A backend is {@link Checkpointed}: its snapshot holds every state's entries grouped by key group (for the heap
 * backend a {@link KeyedStateSnapshot}); a restore keeps only the key groups of the backend's own range.
 *
 * @param <K> key type
 */
public interface KeyedStateBackend<K> extends AutoCloseable, Checkpointed {

    /** How this backend's keys are put into key groups. */
    KeyGroupAssigner keyGroupAssigner();

    default int numberOfKeyGroups() {
        return keyGroupAssigner().numberOfKeyGroups();
    }

    KeyGroupRange keyGroupRange();

    /** Sets the key subsequent state accesses refer to. */
    void setCurrentKey(K key);

    K currentKey();

    int currentKeyGroup();

    /** Whether {@code key} is in one of this backend's key groups (e.g. to drop other tasks' timers on restore). */
    default boolean ownsKey(Object key) {
        return keyGroupRange().contains(keyGroupAssigner().keyGroupOf(key));
    }

    /**
     * A namespaced value state, created on first use. {@code valueType} tells a serializing backend the type.
     */
    <N, V> NamespacedValueState<N, V> valueState(String name, Class<?> valueType);

    /** A value state with {@code long} namespaces (window panes), created on first use. */
    <V> LongNamespacedValueState<V> longNamespacedState(String name, Class<?> valueType);

    /**
     * The timer queue {@code name} of this backend, created on first use; timers live with the keyed state (on the
     * heap, or in RocksDB). {@code namespaceType} tells a serializing backend the namespace type.
     */
    <N> TimerQueue<K, N> timerQueue(String name, Class<?> namespaceType);

    /** Whether values are kept as object references (mutation in place is visible). */
    boolean storesReferences();

    /** Number of (key, namespace) entries across all states; for metrics and tests. */
    long entryCount();

    @Override
    default void close() {
    }
}
