package dev.weir.runtime.state.heap;

import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.LongNamespacedValueState;
import dev.weir.runtime.state.NamespacedValueState;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps state in hash maps on the heap: per state, one map per key group from key to a map from namespace to
 * value. The key group of the current key is computed once per {@link #setCurrentKey}.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
    private final int numberOfKeyGroups;
    private final KeyGroupRange range;
    private final Map<String, HeapValueState<K, ?, ?>> states = new HashMap<>();
    private final Map<String, HeapLongNamespacedState<K, ?>> longStates = new HashMap<>();
    private K currentKey;
    private long keyVersion;
    private int currentKeyHash;
    private int currentKeyGroupIndex;

    public HeapKeyedStateBackend(int numberOfKeyGroups, KeyGroupRange range) {
        this.numberOfKeyGroups = numberOfKeyGroups;
        this.range = range;
    }

    public static <K> HeapKeyedStateBackend<K> forAllKeyGroups(int numberOfKeyGroups) {
        return new HeapKeyedStateBackend<>(numberOfKeyGroups, KeyGroupRange.all(numberOfKeyGroups));
    }

    @Override
    public int numberOfKeyGroups() {
        return numberOfKeyGroups;
    }

    @Override
    public KeyGroupRange keyGroupRange() {
        return range;
    }

    @Override
    public void setCurrentKey(K key) {
        int kg = KeyGroups.of(key, numberOfKeyGroups);
        if (!range.contains(kg)) {
            throw new IllegalStateException("key " + key + " is in key group " + kg + ", outside this task's " + range);
        }
        currentKey = key;
        currentKeyHash = key.hashCode();
        currentKeyGroupIndex = kg - range.startInclusive();
        keyVersion++;
    }

    /** {@code hashCode()} of the current key, computed once per {@link #setCurrentKey}. */
    int currentKeyHash() {
        return currentKeyHash;
    }

    /** Changes with every {@link #setCurrentKey}; lets states cache the current key's entry. */
    long keyVersion() {
        return keyVersion;
    }

    @Override
    public K currentKey() {
        return currentKey;
    }

    @Override
    public int currentKeyGroup() {
        return currentKeyGroupIndex + range.startInclusive();
    }

    int currentKeyGroupIndex() {
        return currentKeyGroupIndex;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, V> NamespacedValueState<N, V> valueState(String name, Class<?> valueType) {
        return (NamespacedValueState<N, V>) states.computeIfAbsent(name, n -> new HeapValueState<>(this, range.size()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> LongNamespacedValueState<V> longNamespacedState(String name, Class<?> valueType) {
        if (states.containsKey(name)) {
            throw new IllegalArgumentException("state '" + name + "' already exists with object namespaces");
        }
        return (LongNamespacedValueState<V>) longStates.computeIfAbsent(name,
                n -> new HeapLongNamespacedState<>(this, range.size()));
    }

    @Override
    public boolean storesReferences() {
        return true;
    }

    @Override
    public long entryCount() {
        long n = 0;
        for (HeapValueState<K, ?, ?> s : states.values()) {
            n += s.entryCount();
        }
        for (HeapLongNamespacedState<K, ?> s : longStates.values()) {
            n += s.entryCount();
        }
        return n;
    }
}
