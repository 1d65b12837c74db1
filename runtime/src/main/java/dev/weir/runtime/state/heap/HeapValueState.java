package dev.weir.runtime.state.heap;

import dev.weir.runtime.state.NamespacedValueState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One state of the heap backend: key group -> key -> namespace -> value. */
final class HeapValueState<K, N, V> implements NamespacedValueState<N, V> {
    private final HeapKeyedStateBackend<K> backend;
    private final Map<K, Map<N, V>>[] byKeyGroup;

    @SuppressWarnings("unchecked")
    HeapValueState(HeapKeyedStateBackend<K> backend, int keyGroups) {
        this.backend = backend;
        this.byKeyGroup = new Map[keyGroups];
        for (int i = 0; i < keyGroups; i++) {
            byKeyGroup[i] = new HashMap<>();
        }
    }

    private Map<K, Map<N, V>> group() {
        return byKeyGroup[backend.currentKeyGroupIndex()];
    }

    @Override
    public V get(N namespace) {
        Map<N, V> m = group().get(backend.currentKey());
        return m == null ? null : m.get(namespace);
    }

    @Override
    public void put(N namespace, V value) {
        if (value == null) {
            remove(namespace);
            return;
        }
        Map<K, Map<N, V>> g = group();
        K key = backend.currentKey();
        Map<N, V> m = g.get(key);
        if (m == null) {
            m = new HashMap<>(4);
            g.put(key, m);
        }
        m.put(namespace, value);
    }

    @Override
    public void remove(N namespace) {
        Map<K, Map<N, V>> g = group();
        K key = backend.currentKey();
        Map<N, V> m = g.get(key);
        if (m != null && m.remove(namespace) != null && m.isEmpty()) {
            g.remove(key);
        }
    }

    @Override
    public Iterable<N> namespaces() {
        Map<N, V> m = group().get(backend.currentKey());
        return m == null ? List.of() : List.copyOf(m.keySet());
    }

    long entryCount() {
        long n = 0;
        for (Map<K, Map<N, V>> g : byKeyGroup) {
            for (Map<N, V> m : g.values()) {
                n += m.size();
            }
        }
        return n;
    }
}
