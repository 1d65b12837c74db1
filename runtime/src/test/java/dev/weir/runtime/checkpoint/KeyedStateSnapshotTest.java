package dev.weir.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.KeyedStateSnapshot;
import dev.weir.runtime.state.LongNamespacedValueState;
import dev.weir.runtime.state.NamespacedValueState;
import dev.weir.runtime.state.heap.HeapKeyedStateBackend;
import dev.weir.runtime.time.HeapTimerQueue;
import dev.weir.runtime.time.InternalTimer;
import dev.weir.runtime.time.TimerQueue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The heap backend's snapshots: by key group, restored into the backend's own range only. */
class KeyedStateSnapshotTest {
    private static final int GROUPS = 8;
    private static final KeyGroupRange LOWER = new KeyGroupRange(0, 3);
    private static final KeyGroupRange UPPER = new KeyGroupRange(4, 7);

    /** A backend over {@code range} holding, for every key 0..99 in it, a value and two long-namespaced panes. */
    private static HeapKeyedStateBackend<Long> filled(KeyGroupRange range) {
        HeapKeyedStateBackend<Long> b = new HeapKeyedStateBackend<>(GROUPS, range);
        NamespacedValueState<String, String> values = b.valueState("values", String.class);
        LongNamespacedValueState<long[]> panes = b.longNamespacedState("panes", long[].class);
        for (long key = 0; key < 100; key++) {
            if (b.ownsKey(key)) {
                b.setCurrentKey(key);
                values.put("ns", "v" + key);
                panes.put(10, new long[] {key});
                panes.put(20, new long[] {key * 2});
            }
        }
        return b;
    }

    private static KeyedStateSnapshot encoded(KeyedStateSnapshot s) {
        StateCodec codec = new StateCodec();
        return (KeyedStateSnapshot) codec.decode(codec.encode(s));
    }

    private static long keysIn(KeyGroupRange range) {
        long n = 0;
        for (long key = 0; key < 100; key++) {
            n += range.contains(KeyGroups.of(key, GROUPS)) ? 1 : 0;
        }
        return n;
    }

    @Test
    void snapshotGroupsEntriesByKeyGroup() {
        KeyedStateSnapshot s = filled(KeyGroupRange.all(GROUPS)).snapshotState();

        assertThat(s.keyGroups()).extracting(KeyedStateSnapshot.KeyGroupState::keyGroup).isSorted();
        assertThat(s.entryCount()).isEqualTo(300);
        for (KeyedStateSnapshot.KeyGroupState g : s.keyGroups()) {
            assertThat(g.states()).containsOnlyKeys("panes", "values");
            Object[] keys = ((KeyedStateSnapshot.StateEntries.Namespaced) g.states().get("values")).keys();
            for (Object key : keys) {
                assertThat(KeyGroups.of(key, GROUPS)).isEqualTo(g.keyGroup());
            }
        }
    }

    @Test
    void aBackendOfNarrowerRangeRestoresOnlyItsKeyGroups() {
        KeyedStateSnapshot all = encoded(filled(KeyGroupRange.all(GROUPS)).snapshotState());
        HeapKeyedStateBackend<Long> upper = new HeapKeyedStateBackend<>(GROUPS, UPPER);

        upper.restoreState(all);

        assertThat(upper.entryCount()).isEqualTo(3 * keysIn(UPPER));
        NamespacedValueState<String, String> values = upper.valueState("values", String.class);
        LongNamespacedValueState<long[]> panes = upper.longNamespacedState("panes", long[].class);
        for (long key = 0; key < 100; key++) {
            if (upper.ownsKey(key)) {
                upper.setCurrentKey(key);
                assertThat(values.get("ns")).isEqualTo("v" + key);
                assertThat(panes.get(20)).containsExactly(key * 2);
            }
        }
        assertThat(upper.snapshotState().keyGroups()).allSatisfy(g -> assertThat(UPPER.contains(g.keyGroup())).isTrue());
    }

    @Test
    void restrictedToExtractsASubRange() {
        KeyedStateSnapshot all = filled(KeyGroupRange.all(GROUPS)).snapshotState();

        KeyedStateSnapshot lower = all.restrictedTo(LOWER);

        assertThat(lower.keyGroupRange()).isEqualTo(LOWER);
        assertThat(lower.entryCount()).isEqualTo(3 * keysIn(LOWER));
        assertThatThrownBy(() -> lower.restrictedTo(UPPER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotsOfNarrowerRangesMergeIntoOneBackend() {
        HeapKeyedStateBackend<Long> merged = HeapKeyedStateBackend.forAllKeyGroups(GROUPS);

        merged.restoreState(encoded(filled(LOWER).snapshotState()));
        merged.restoreState(encoded(filled(UPPER).snapshotState()));

        assertThat(merged.entryCount()).isEqualTo(300);
        assertThat(encoded(merged.snapshotState()).entryCount()).isEqualTo(300);
    }

    @Test
    void restoredStateIsIndependentOfTheSnapshottedBackend() {
        HeapKeyedStateBackend<Long> original = filled(KeyGroupRange.all(GROUPS));
        HeapKeyedStateBackend<Long> copy = HeapKeyedStateBackend.forAllKeyGroups(GROUPS);
        copy.restoreState(encoded(original.snapshotState()));

        copy.setCurrentKey(7L);
        copy.<long[]>longNamespacedState("panes", long[].class).get(10)[0] = -1;
        original.setCurrentKey(7L);

        assertThat(original.<long[]>longNamespacedState("panes", long[].class).get(10)).containsExactly(7L);
    }

    @Test
    void aSnapshotWithAnotherNumberOfKeyGroupsIsRejected() {
        KeyedStateSnapshot s = filled(KeyGroupRange.all(GROUPS)).snapshotState();
        HeapKeyedStateBackend<Long> other = HeapKeyedStateBackend.forAllKeyGroups(16);

        assertThatThrownBy(() -> other.restoreState(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 key groups").hasMessageContaining("16");
    }

    @Test
    void aStateWhoseNamespaceKindChangedIsRejected() {
        KeyedStateSnapshot s = filled(KeyGroupRange.all(GROUPS)).snapshotState();
        HeapKeyedStateBackend<Long> other = HeapKeyedStateBackend.forAllKeyGroups(GROUPS);
        other.valueState("panes", Object.class);

        assertThatThrownBy(() -> other.restoreState(s)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'panes'");
    }

    /** A key whose hash differs between the run that wrote a snapshot and the one that reads it. */
    private record Unstable(int id, int salt) {
        @Override
        public int hashCode() {
            return id * 31 + salt;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unstable u && u.id == id;
        }
    }

    @Test
    void aKeyFiledUnderTheWrongKeyGroupIsRejected() {
        HeapKeyedStateBackend<Unstable> b = HeapKeyedStateBackend.forAllKeyGroups(GROUPS);
        b.setCurrentKey(new Unstable(1, 0));
        b.valueState("v", String.class).put("ns", "x");
        KeyedStateSnapshot s = b.snapshotState();
        Object key = ((KeyedStateSnapshot.StateEntries.Namespaced) s.keyGroups().get(0).states().get("v")).keys()[0];
        int group = s.keyGroups().get(0).keyGroup();
        Unstable moved = new Unstable(1, 1);
        for (int salt = 1; KeyGroups.of(moved, GROUPS) == group; salt++) {
            moved = new Unstable(1, salt);
        }
        ((KeyedStateSnapshot.StateEntries.Namespaced) s.keyGroups().get(0).states().get("v")).keys()[0] = moved;
        assertThat(key).isNotSameAs(moved);

        assertThatThrownBy(() -> HeapKeyedStateBackend.forAllKeyGroups(GROUPS).restoreState(s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deterministic hashCode");
    }

    @Test
    void timersRestoreInFiringOrderAndKeepOnlyAcceptedKeys() {
        TimerQueue<Long, String> timers = new HeapTimerQueue<>();
        timers.register(20, 3L, "c");
        timers.register(10, 2L, "b");
        timers.register(10, 1L, "a");
        timers.register(30, 4L, "d");
        StateCodec codec = new StateCodec();
        Object snapshot = codec.decode(codec.encode(timers.snapshotState()));

        TimerQueue<Long, String> all = new HeapTimerQueue<>();
        all.restoreState(snapshot);
        TimerQueue<Long, String> even = new HeapTimerQueue<>();
        even.restoreState(snapshot, key -> key % 2 == 0);

        List<String> fired = new ArrayList<>();
        all.fireUpTo(Long.MAX_VALUE, t -> fired.add(t.namespace()));
        assertThat(fired).containsExactly("b", "a", "c", "d");
        assertThat(even.all()).extracting(InternalTimer::key).containsExactly(2L, 4L);
        assertThat(new HeapTimerQueue<Long, String>().snapshotState()).isNull();
    }
}
