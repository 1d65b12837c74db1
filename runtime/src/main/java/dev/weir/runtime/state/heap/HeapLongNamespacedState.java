package dev.weir.runtime.state.heap;

import dev.weir.runtime.state.KeyedStateSnapshot.StateEntries;
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

    /** The entries of key group {@code index} (relative to the backend's range), or null if it has none. */
    StateEntries.LongNamespaced entries(int index) {
        KeyNamespaceTable<K, V> table = byKeyGroup[index];
        if (table.size() == 0) {
            return null;
        }
        Object[] keys = new Object[table.size()];
        long[] namespaces = new long[table.size()];
        Object[] values = new Object[table.size()];
        table.copyTo(keys, namespaces, values);
        return new StateEntries.LongNamespaced(keys, namespaces, values);
    }

    /** Adds snapshot entries to key group {@code index}. */
    @SuppressWarnings("unchecked")
    void restore(int index, StateEntries.LongNamespaced entries) {
        KeyNamespaceTable<K, V> table = byKeyGroup[index];
        for (int i = 0; i < entries.keys().length; i++) {
            K key = (K) entries.keys()[i];
            if (entries.values()[i] != null) {
                table.put(key, key.hashCode(), entries.namespaces()[i], (V) entries.values()[i]);
            }
        }
    }
}
