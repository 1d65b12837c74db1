package dev.weir.runtime.state.heap;

import dev.weir.runtime.state.KeyedStateSnapshot.StateEntries;
import dev.weir.runtime.state.NamespacedValueState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One state of the heap backend: key group -> key -> namespace -> value. */
final class HeapValueState<K, N, V> implements NamespacedValueState<N, V> {
    private final HeapKeyedStateBackend<K> backend;
    private final Map<K, Map<N, V>>[] byKeyGroup;
    private long cachedVersion = -1;
    private Map<N, V> cached;

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

    /** The current key's namespace map, looked up once per current key. */
    private Map<N, V> current() {
        long version = backend.keyVersion();
        if (version != cachedVersion) {
            cached = group().get(backend.currentKey());
            cachedVersion = version;
        }
        return cached;
    }

    @Override
    public V get(N namespace) {
        Map<N, V> m = current();
        return m == null ? null : m.get(namespace);
    }

    @Override
    public void put(N namespace, V value) {
        if (value == null) {
            remove(namespace);
            return;
        }
        Map<N, V> m = current();
        if (m == null) {
            m = new HashMap<>(4);
            group().put(backend.currentKey(), m);
            cached = m;
        }
        m.put(namespace, value);
    }

    @Override
    public void remove(N namespace) {
        Map<N, V> m = current();
        if (m != null && m.remove(namespace) != null && m.isEmpty()) {
            group().remove(backend.currentKey());
            cached = null;
        }
    }

    @Override
    public Iterable<N> namespaces() {
        Map<N, V> m = current();
        return m == null ? List.of() : java.util.Collections.unmodifiableSet(m.keySet());
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

    /** The entries of key group {@code index} (relative to the backend's range), or null if it has none. */
    StateEntries.Namespaced entries(int index) {
        Map<K, Map<N, V>> group = byKeyGroup[index];
        int n = 0;
        for (Map<N, V> m : group.values()) {
            n += m.size();
        }
        if (n == 0) {
            return null;
        }
        Object[] keys = new Object[n];
        Object[] namespaces = new Object[n];
        Object[] values = new Object[n];
        int i = 0;
        for (Map.Entry<K, Map<N, V>> byKey : group.entrySet()) {
            for (Map.Entry<N, V> e : byKey.getValue().entrySet()) {
                keys[i] = byKey.getKey();
                namespaces[i] = e.getKey();
                values[i++] = e.getValue();
            }
        }
        return new StateEntries.Namespaced(keys, namespaces, values);
    }

    /** Adds snapshot entries to key group {@code index}, in their order. */
    @SuppressWarnings("unchecked")
    void restore(int index, StateEntries.Namespaced entries) {
        Map<K, Map<N, V>> group = byKeyGroup[index];
        for (int i = 0; i < entries.keys().length; i++) {
            if (entries.values()[i] != null) {
                group.computeIfAbsent((K) entries.keys()[i], k -> new HashMap<>(4))
                        .put((N) entries.namespaces()[i], (V) entries.values()[i]);
            }
        }
        cachedVersion = -1;
        cached = null;
    }
}
