package dev.weir.runtime.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The keyed state of one backend as plain data, grouped by key group: the unit that moves between tasks when a
 * pipeline is rescaled. A task restores the key groups of its own {@link KeyGroupRange} from a snapshot of any
 * range and ignores the rest, so several snapshots of narrower ranges can be restored into one backend (scale-in)
 * and one snapshot into several backends (scale-out); {@link #restrictedTo} extracts a sub-range up front.
 *
 * <p>Values are the objects the state holds (not copies): encode the snapshot before the state changes again.
 *
 * @param numberOfKeyGroups the pipeline's fixed number of key groups
 * @param keyGroupRange     the key groups the backend owned
 * @param keyGroups         the non-empty key groups, ascending
 */
public record KeyedStateSnapshot(int numberOfKeyGroups, KeyGroupRange keyGroupRange, List<KeyGroupState> keyGroups) {

    public KeyedStateSnapshot {
        Objects.requireNonNull(keyGroupRange, "keyGroupRange");
        keyGroups = new ArrayList<>(keyGroups);
        int previous = -1;
        for (KeyGroupState g : keyGroups) {
            if (!keyGroupRange.contains(g.keyGroup()) || g.keyGroup() <= previous) {
                throw new IllegalArgumentException("key group " + g.keyGroup() + " is out of order or outside "
                        + keyGroupRange);
            }
            previous = g.keyGroup();
        }
    }

    /**
     * The entries of one key group, per state name.
     *
     * @param states state name -> its entries in this key group (sorted by name; states without entries absent)
     */
    public record KeyGroupState(int keyGroup, Map<String, StateEntries> states) {
    }

    /** The entries of one state in one key group: entry {@code i} is (key, namespace) -> value. */
    public sealed interface StateEntries {
        int size();

        /** A state with object namespaces ({@link NamespacedValueState}). */
        record Namespaced(Object[] keys, Object[] namespaces, Object[] values) implements StateEntries {
            @Override
            public int size() {
                return keys.length;
            }
        }

        /** A state with {@code long} namespaces ({@link LongNamespacedValueState}). */
        record LongNamespaced(Object[] keys, long[] namespaces, Object[] values) implements StateEntries {
            @Override
            public int size() {
                return keys.length;
            }
        }
    }

    /**
     * The part of this snapshot in {@code range}, which must lie within this snapshot's range: what a task owning
     * {@code range} needs after a rescale.
     */
    public KeyedStateSnapshot restrictedTo(KeyGroupRange range) {
        if (range.startInclusive() < keyGroupRange.startInclusive() || range.endInclusive() > keyGroupRange.endInclusive()) {
            throw new IllegalArgumentException("key groups " + range + " are not within this snapshot's " + keyGroupRange);
        }
        List<KeyGroupState> kept = keyGroups.stream().filter(g -> range.contains(g.keyGroup())).toList();
        return new KeyedStateSnapshot(numberOfKeyGroups, range, kept);
    }

    /** Number of (key, namespace) entries over all key groups and states. */
    public long entryCount() {
        long n = 0;
        for (KeyGroupState g : keyGroups) {
            for (StateEntries e : g.states().values()) {
                n += e.size();
            }
        }
        return n;
    }
}
