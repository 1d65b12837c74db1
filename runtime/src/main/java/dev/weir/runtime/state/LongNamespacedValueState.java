package dev.weir.runtime.state;

/**
 * A value per (current key, {@code long} namespace), e.g. a window pane identified by its start. A specialisation of
 * {@link NamespacedValueState} for the hottest state of the engine: no boxing of the namespace.
 *
 * @param <V> value type
 */
public interface LongNamespacedValueState<V> {
    /** The value, or {@code null}. */
    V get(long namespace);

    void put(long namespace, V value);

    void remove(long namespace);
}
