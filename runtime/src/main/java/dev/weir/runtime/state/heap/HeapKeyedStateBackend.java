package dev.weir.runtime.state.heap;

import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.state.KeyGroupAssigner;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.KeyOutsideKeyGroupsException;
import dev.weir.runtime.state.KeyedStateSnapshot;
import dev.weir.runtime.state.KeyedStateSnapshot.KeyGroupState;
import dev.weir.runtime.state.KeyedStateSnapshot.StateEntries;
import dev.weir.runtime.state.LongNamespacedValueState;
import dev.weir.runtime.state.NamespacedValueState;
import dev.weir.runtime.time.HeapTimerQueue;
import dev.weir.runtime.time.TimerQueue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps state in hash maps on the heap: per state, one map per key group from key to a map from namespace to
 * value. The key group of the current key is computed once per {@link #setCurrentKey}.
 *
 * <p>Snapshots are {@link KeyedStateSnapshot}s: every state's entries, grouped by key group. Restoring keeps the key
 * groups of this backend's range and adds them to what it holds, so the snapshots of several narrower ranges can be
 * restored into one backend.
 */
public final class HeapKeyedStateBackend<K> implements KeyedStateBackend<K> {
    private final KeyGroupAssigner assigner;
    private final KeyGroupRange range;
    private final Map<String, HeapValueState<K, ?, ?>> states = new HashMap<>();
    private final Map<String, HeapLongNamespacedState<K, ?>> longStates = new HashMap<>();
    private final Map<String, HeapTimerQueue<K, ?>> timers = new HashMap<>();
    private K currentKey;
    private long keyVersion;
    private int currentKeyHash;
    private int currentKeyGroupIndex;

    public HeapKeyedStateBackend(int numberOfKeyGroups, KeyGroupRange range) {
        this(KeyGroups.hashing(numberOfKeyGroups), range);
    }

    public HeapKeyedStateBackend(KeyGroupAssigner assigner, KeyGroupRange range) {
        this.assigner = assigner;
        this.range = range;
    }

    public static <K> HeapKeyedStateBackend<K> forAllKeyGroups(int numberOfKeyGroups) {
        return new HeapKeyedStateBackend<>(numberOfKeyGroups, KeyGroupRange.all(numberOfKeyGroups));
    }

    @Override
    public KeyGroupAssigner keyGroupAssigner() {
        return assigner;
    }

    @Override
    public KeyGroupRange keyGroupRange() {
        return range;
    }

    @Override
    public void setCurrentKey(K key) {
        int kg = assigner.keyGroupOf(key);
        if (!range.contains(kg)) {
            throw new KeyOutsideKeyGroupsException(assigner, key, range);
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
        if (longStates.containsKey(name)) {
            throw new IllegalArgumentException("state '" + name + "' already exists with long namespaces");
        }
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
    @SuppressWarnings("unchecked")
    public <N> TimerQueue<K, N> timerQueue(String name, Class<?> namespaceType) {
        return (TimerQueue<K, N>) timers.computeIfAbsent(name, n -> new HeapTimerQueue<>());
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

    @Override
    public KeyedStateSnapshot snapshotState() {
        List<String> names = new ArrayList<>(states.keySet());
        names.addAll(longStates.keySet());
        java.util.Collections.sort(names);
        List<KeyGroupState> groups = new ArrayList<>();
        for (int index = 0; index < range.size(); index++) {
            Map<String, StateEntries> entries = new TreeMap<>();
            for (String name : names) {
                HeapValueState<K, ?, ?> s = states.get(name);
                StateEntries e = s != null ? s.entries(index) : longStates.get(name).entries(index);
                if (e != null) {
                    entries.put(name, e);
                }
            }
            if (!entries.isEmpty()) {
                groups.add(new KeyGroupState(range.startInclusive() + index, entries));
            }
        }
        return new KeyedStateSnapshot(numberOfKeyGroups(), range, groups);
    }

    /**
     * Adds the entries of the snapshot's key groups that are in this backend's range; the others are ignored.
     *
     * @throws IllegalArgumentException if the state is not a {@link KeyedStateSnapshot} of the same number of key
     *                                  groups, a state's namespace kind differs, or a key is filed under another key
     *                                  group than its hash gives (a key class without a deterministic hashCode)
     */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void restoreState(Object state) {
        if (state instanceof dev.weir.runtime.state.NativeStateHandle handle) {
            throw new IllegalArgumentException(handle.notRestorableBy("heap state backend"));
        }
        KeyedStateSnapshot snapshot = Snapshots.expect(state, KeyedStateSnapshot.class, "keyed state backend");
        if (snapshot.numberOfKeyGroups() != numberOfKeyGroups()) {
            throw new IllegalArgumentException("the snapshot has " + snapshot.numberOfKeyGroups()
                    + " key groups, this pipeline " + numberOfKeyGroups() + " (the number is fixed for a pipeline's lifetime)");
        }
        for (KeyGroupState group : snapshot.keyGroups()) {
            if (!range.contains(group.keyGroup())) {
                continue;
            }
            int index = group.keyGroup() - range.startInclusive();
            for (Map.Entry<String, StateEntries> e : group.states().entrySet()) {
                checkKeyGroups(e.getKey(), group.keyGroup(), e.getValue());
                if (e.getValue() instanceof StateEntries.Namespaced n) {
                    ((HeapValueState) valueState(e.getKey(), Object.class)).restore(index, n);
                } else {
                    ((HeapLongNamespacedState) longNamespacedState(e.getKey(), Object.class))
                            .restore(index, (StateEntries.LongNamespaced) e.getValue());
                }
            }
        }
    }

    private void checkKeyGroups(String state, int keyGroup, StateEntries entries) {
        Object[] keys = entries instanceof StateEntries.Namespaced n ? n.keys() : ((StateEntries.LongNamespaced) entries).keys();
        Object previous = null;
        for (Object key : keys) {
            if (key != previous) {
                KeyGroups.checkFiledUnder(assigner, state, keyGroup, key);
            }
            previous = key;
        }
    }
}
