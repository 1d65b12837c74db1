package dev.weir.runtime.state.heap;

import dev.weir.runtime.state.LongNamespacedValueState;

/**
 * A {@code long}-namespaced state of the heap backend: one {@link KeyNamespaceTable} per key group, over
 * (key, namespace) pairs.
 */
final class HeapLongNamespacedState<K, V> implements LongNamespacedValueState<V> {
    private final HeapKeyedStateBackend<K> backend;
    private final KeyNamespaceTable<K, V>[] byKeyGroup;

    @SuppressWarnings("unchecked")
    HeapLongNamespacedState(HeapKeyedStateBackend<K> backend, int keyGroups) {
        this.backend = backend;
        this.byKeyGroup = new KeyNamespaceTable[keyGroups];
        for (int i = 0; i < keyGroups; i++) {
            byKeyGroup[i] = new KeyNamespaceTable<>();
        }
    }

    private KeyNamespaceTable<K, V> table() {
        return byKeyGroup[backend.currentKeyGroupIndex()];
    }

    @Override
    public V get(long namespace) {
        return table().get(backend.currentKey(), backend.currentKeyHash(), namespace);
    }

    @Override
    public void put(long namespace, V value) {
        if (value == null) {
            remove(namespace);
            return;
        }
        table().put(backend.currentKey(), backend.currentKeyHash(), namespace, value);
    }

    @Override
    public void remove(long namespace) {
        table().remove(backend.currentKey(), backend.currentKeyHash(), namespace);
    }

    long entryCount() {
        long n = 0;
        for (KeyNamespaceTable<K, V> t : byKeyGroup) {
            n += t.size();
        }
        return n;
    }
}
