package dev.weir.runtime.state.heap;

import dev.weir.runtime.state.LongNamespacedValueState;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@code long}-namespaced state of the heap backend: key group -> key -> {@link LongObjectMap}. The current key's
 * map is looked up once per {@link HeapKeyedStateBackend#setCurrentKey} and cached, so an operator touching several
 * namespaces of one key pays for one key lookup.
 */
final class HeapLongNamespacedState<K, V> implements LongNamespacedValueState<V> {
    private final HeapKeyedStateBackend<K> backend;
    private final Map<K, LongObjectMap<V>>[] byKeyGroup;
    private long cachedVersion = -1;
    private LongObjectMap<V> cached;

    @SuppressWarnings("unchecked")
    HeapLongNamespacedState(HeapKeyedStateBackend<K> backend, int keyGroups) {
        this.backend = backend;
        this.byKeyGroup = new Map[keyGroups];
        for (int i = 0; i < keyGroups; i++) {
            byKeyGroup[i] = new HashMap<>();
        }
    }

    private LongObjectMap<V> current() {
        long version = backend.keyVersion();
        if (version != cachedVersion) {
            cached = byKeyGroup[backend.currentKeyGroupIndex()].get(backend.currentKey());
            cachedVersion = version;
        }
        return cached;
    }

    @Override
    public V get(long namespace) {
        LongObjectMap<V> m = current();
        return m == null ? null : m.get(namespace);
    }

    @Override
    public void put(long namespace, V value) {
        if (value == null) {
            remove(namespace);
            return;
        }
        LongObjectMap<V> m = current();
        if (m == null) {
            m = new LongObjectMap<>();
            byKeyGroup[backend.currentKeyGroupIndex()].put(backend.currentKey(), m);
            cached = m;
        }
        m.put(namespace, value);
    }

    @Override
    public void remove(long namespace) {
        LongObjectMap<V> m = current();
        if (m != null && m.remove(namespace) && m.isEmpty()) {
            byKeyGroup[backend.currentKeyGroupIndex()].remove(backend.currentKey());
            cached = null;
        }
    }

    long entryCount() {
        long n = 0;
        for (Map<K, LongObjectMap<V>> g : byKeyGroup) {
            for (LongObjectMap<V> m : g.values()) {
                n += m.size();
            }
        }
        return n;
    }
}
