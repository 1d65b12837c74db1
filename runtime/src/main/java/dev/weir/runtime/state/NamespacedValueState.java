package dev.weir.runtime.state;

/**
 * A value per (current key, namespace). The current key is the backend's ({@link KeyedStateBackend#setCurrentKey}).
 *
 * @param <N> namespace type (e.g. a window)
 * @param <V> value type
 */
public interface NamespacedValueState<N, V> {
    /** The value, or {@code null}. */
    V get(N namespace);

    void put(N namespace, V value);

    void remove(N namespace);

    /** Namespaces that hold a value for the current key: a live view; do not write this state while iterating it. */
    Iterable<N> namespaces();
}
