package dev.weir.runtime.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.window.Window;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.KeyedStateSnapshot;
import dev.weir.runtime.state.LongNamespacedValueState;
import dev.weir.runtime.state.NamespacedValueState;
import dev.weir.runtime.state.VoidNamespace;
import dev.weir.runtime.state.heap.HeapKeyedStateBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RocksDB backend on a real database: state per key and namespace, key groups, snapshots, closing. */
class RocksDbKeyedStateBackendTest {
    private static final int GROUPS = 8;

    @TempDir
    Path dir;
    private final List<RocksDbStateBackendFactory> factories = new ArrayList<>();

    private RocksDbStateBackendFactory factory() {
        Path local = dir.resolve(factories.isEmpty() ? "local" : "local-" + factories.size());
        RocksDbStateBackendFactory f = new RocksDbStateBackendFactory(RocksDbOptions.defaults(local)
                .withMemory(8 << 20, 4 << 20));
        factories.add(f);
        return f;
    }

    @AfterEach
    void closeFactories() {
        factories.forEach(RocksDbStateBackendFactory::close);
    }

    @Test
    void valueStateIsPerKeyAndNamespace() {
        RocksDbKeyedStateBackend<String> b = factory().create("op", GROUPS, KeyGroupRange.all(GROUPS));
        NamespacedValueState<Window, List<Integer>> s = b.valueState("s", List.class);

        b.setCurrentKey("a");
        s.put(new Window(0, 10), List.of(1));
        s.put(new Window(10, 20), List.of(2));
        b.setCurrentKey("ab");
        s.put(new Window(0, 10), List.of(3));

        b.setCurrentKey("a");
        assertThat(s.get(new Window(0, 10))).containsExactly(1);
        assertThat(s.namespaces()).containsExactly(new Window(0, 10), new Window(10, 20));
        b.setCurrentKey("ab");
        assertThat(s.get(new Window(0, 10))).containsExactly(3);
        assertThat(s.get(new Window(10, 20))).isNull();
        assertThat(s.namespaces()).containsExactly(new Window(0, 10));
        s.remove(new Window(0, 10));
        assertThat(s.namespaces()).isEmpty();
        b.setCurrentKey("a");
        s.put(new Window(10, 20), null);
        assertThat(s.namespaces()).containsExactly(new Window(0, 10));
        assertThat(b.entryCount()).isEqualTo(1);
    }

    @Test
    void namespacesOfOneKeyAreNotThoseOfAKeyItPrefixes() {
        // "a" is a byte prefix of "ab": the length before the key bytes keeps their entries apart.
        RocksDbKeyedStateBackend<String> b = factory().create("op", 1, KeyGroupRange.all(1));
        NamespacedValueState<String, String> s = b.valueState("s", String.class);
        b.setCurrentKey("ab");
        s.put("x", "1");
        b.setCurrentKey("a");
        s.put("bx", "2");

        assertThat(s.namespaces()).containsExactly("bx");
        b.setCurrentKey("ab");
        assertThat(s.namespaces()).containsExactly("x");
    }

    @Test
    void longNamespacedStateOrdersNamespacesNumerically() {
        RocksDbKeyedStateBackend<Long> b = factory().create("op", GROUPS, KeyGroupRange.all(GROUPS));
        LongNamespacedValueState<long[]> panes = b.longNamespacedState("panes", long[].class);
        b.setCurrentKey(7L);
        for (long ns : new long[] {5, -3, Long.MIN_VALUE, Long.MAX_VALUE, 0}) {
            panes.put(ns, new long[] {ns});
        }
        assertThat(panes.get(-3)).containsExactly(-3);
        assertThat(panes.get(Long.MIN_VALUE)).containsExactly(Long.MIN_VALUE);
        panes.remove(5);
        assertThat(panes.get(5)).isNull();

        KeyedStateSnapshot s = b.snapshotState() instanceof KeyedStateSnapshot k ? k : null;
        assertThat(s).isNotNull();
        KeyedStateSnapshot.StateEntries.LongNamespaced e = (KeyedStateSnapshot.StateEntries.LongNamespaced)
                s.keyGroups().get(0).states().get("panes");
        assertThat(e.namespaces()).containsExactly(Long.MIN_VALUE, -3, 0, Long.MAX_VALUE);
    }

    @Test
    void valuesAreCopiesSoAChangeNeedsAPut() {
        RocksDbKeyedStateBackend<Integer> b = factory().create("op", GROUPS, KeyGroupRange.all(GROUPS));
        NamespacedValueState<VoidNamespace, int[]> s = b.valueState("s", int[].class);
        b.setCurrentKey(1);
        s.put(VoidNamespace.INSTANCE, new int[] {1});
        s.get(VoidNamespace.INSTANCE)[0] = 99;

        assertThat(b.storesReferences()).isFalse();
        assertThat(s.get(VoidNamespace.INSTANCE)).containsExactly(1);
    }

    @Test
    void aStateNameHasOneNamespaceKind() {
        RocksDbKeyedStateBackend<Integer> b = factory().create("op", GROUPS, KeyGroupRange.all(GROUPS));
        b.valueState("s", String.class);
        b.longNamespacedState("l", String.class);

        assertThatThrownBy(() -> b.longNamespacedState("s", String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.valueState("l", String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.valueState("s", String.class)).isSameAs(b.valueState("s", String.class));
    }

    @Test
    void keysOutsideTheRangeAreRejected() {
        KeyGroupRange upper = new KeyGroupRange(4, 7);
        RocksDbKeyedStateBackend<Long> b = factory().create("op", GROUPS, upper);
        long outside = 0;
        while (upper.contains(KeyGroups.of(outside, GROUPS))) {
            outside++;
        }
        long inside = 0;
        while (!upper.contains(KeyGroups.of(inside, GROUPS))) {
            inside++;
        }
        long key = outside;
        assertThatThrownBy(() -> b.setCurrentKey(key)).isInstanceOf(IllegalStateException.class);
        b.setCurrentKey(inside);
        assertThat(b.currentKeyGroup()).isEqualTo(KeyGroups.of(inside, GROUPS));
        assertThat(b.ownsKey(inside)).isTrue();
        assertThat(b.ownsKey(outside)).isFalse();
    }

    @Test
    void aSavepointIsTheHeapFormatAndRestoresIntoTheHeapAndBack() {
        RocksDbKeyedStateBackend<Long> rocks = factory().create("op", GROUPS, KeyGroupRange.all(GROUPS));
        HeapKeyedStateBackend<Long> heap = HeapKeyedStateBackend.forAllKeyGroups(GROUPS);
        fill(rocks);
        fill(heap);

        KeyedStateSnapshot fromRocks = (KeyedStateSnapshot) rocks.snapshotState();
        assertThat(describe(fromRocks)).isEqualTo(describe(heap.snapshotState()));

        HeapKeyedStateBackend<Long> heapCopy = HeapKeyedStateBackend.forAllKeyGroups(GROUPS);
        heapCopy.restoreState(fromRocks);
        assertThat(describe(heapCopy.snapshotState())).isEqualTo(describe(fromRocks));

        RocksDbKeyedStateBackend<Long> rocksCopy = factory().create("op", GROUPS, KeyGroupRange.all(GROUPS));
        rocksCopy.restoreState(heap.snapshotState());
        assertThat(describe((KeyedStateSnapshot) rocksCopy.snapshotState())).isEqualTo(describe(fromRocks));
        assertThat(rocksCopy.entryCount()).isEqualTo(heap.entryCount()).isEqualTo(300);
    }

    @Test
    void aBackendOfANarrowerRangeRestoresOnlyItsKeyGroups() {
        RocksDbStateBackendFactory f = factory();
        RocksDbKeyedStateBackend<Long> all = f.create("all", GROUPS, KeyGroupRange.all(GROUPS));
        fill(all);
        KeyedStateSnapshot s = (KeyedStateSnapshot) all.snapshotState();
        KeyGroupRange upper = new KeyGroupRange(4, 7);
        RocksDbKeyedStateBackend<Long> part = f.create("part", GROUPS, upper);

        part.restoreState(s);

        KeyedStateSnapshot restored = (KeyedStateSnapshot) part.snapshotState();
        assertThat(describe(restored)).isEqualTo(describe(s.restrictedTo(upper)));
        assertThat(restored.keyGroupRange()).isEqualTo(upper);
    }

    @Test
    void aRestoreChecksKeyGroupsAndTheirNumber() {
        RocksDbKeyedStateBackend<Long> b = factory().create("op", GROUPS, KeyGroupRange.all(GROUPS));
        HeapKeyedStateBackend<Long> other = HeapKeyedStateBackend.forAllKeyGroups(GROUPS * 2);
        other.setCurrentKey(1L);
        other.valueState("s", String.class).put("n", "v");

        assertThatThrownBy(() -> b.restoreState(other.snapshotState()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key groups");
        KeyedStateSnapshot misfiled = new KeyedStateSnapshot(GROUPS, KeyGroupRange.all(GROUPS), List.of(
                new KeyedStateSnapshot.KeyGroupState((KeyGroups.of(1L, GROUPS) + 1) % GROUPS, java.util.Map.of("s",
                        new KeyedStateSnapshot.StateEntries.Namespaced(new Object[] {1L}, new Object[] {"n"},
                                new Object[] {"v"})))));
        assertThatThrownBy(() -> b.restoreState(misfiled))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deterministic hashCode");
        assertThatThrownBy(() -> b.restoreState("something else")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNativeCheckpointRestoresIntoANewFactory() throws Exception {
        RocksDbStateBackendFactory first = factory();
        RocksDbKeyedStateBackend<Long> b = first.create("my op/1", GROUPS, KeyGroupRange.all(GROUPS));
        fill(b);
        b.timerQueue("t", Long.class).register(5, 1L, 9L);
        Path checkpoint = dir.resolve("chk-1");
        first.prepareSnapshot(SnapshotKind.CHECKPOINT, checkpoint);

        RocksDbCheckpointHandle handle = (RocksDbCheckpointHandle) b.snapshotState();
        assertThat(b.timerQueue("t", Long.class).snapshotState()).isNull();
        KeyedStateSnapshot expected = savepoint(first, b);
        first.close();

        Path files = checkpoint.resolve(RocksDbStateBackendFactory.directoryName("my op/1"));
        assertThat(handle.files()).contains("CURRENT").anyMatch(f -> f.endsWith(".sst"))
                .containsExactlyElementsOf(CheckpointFiles.list(files));
        assertThat(handle.operator()).isEqualTo("my op/1");
        RocksDbStateBackendFactory second = factory();
        second.restoreFrom(checkpoint);
        RocksDbKeyedStateBackend<Long> restored = second.create("my op/1", GROUPS, KeyGroupRange.all(GROUPS));
        restored.restoreState(handle);

        assertThat(describe(savepoint(second, restored))).isEqualTo(describe(expected));
        assertThat(restored.timerQueue("t", Long.class).all()).containsExactly(
                new dev.weir.runtime.time.InternalTimer<>(5, 1L, 9L));
        assertThat(restored.timerQueue("t", Long.class).nextTimestamp()).isEqualTo(5);
        // the checkpoint's files are untouched by the restored database
        assertThat(CheckpointFiles.list(files)).containsExactlyElementsOf(handle.files());
    }

    @Test
    void aHandleRestoresOnlyIntoADatabaseOpenedFromItsFiles() {
        RocksDbStateBackendFactory f = factory();
        RocksDbKeyedStateBackend<Long> b = f.create("op", GROUPS, KeyGroupRange.all(GROUPS));
        RocksDbCheckpointHandle handle = new RocksDbCheckpointHandle("op", GROUPS, KeyGroupRange.all(GROUPS), List.of());

        assertThatThrownBy(() -> b.restoreState(handle)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restoreFrom");
        assertThatThrownBy(() -> b.restoreState(new RocksDbCheckpointHandle("other", GROUPS, KeyGroupRange.all(GROUPS),
                List.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
        assertThatThrownBy(() -> b.restoreState(new RocksDbCheckpointHandle("op", GROUPS, new KeyGroupRange(0, 3),
                List.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("savepoint");
    }

    @Test
    void aFreshStartDeletesWhatAnEarlierRunLeft() throws Exception {
        Path stale = dir.resolve("local").resolve("db").resolve("op");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("garbage.sst"), "not a table");

        RocksDbKeyedStateBackend<Long> b = factory().create("op", GROUPS, KeyGroupRange.all(GROUPS));

        assertThat(stale.resolve("garbage.sst")).doesNotExist();
        assertThat(b.entryCount()).isZero();
    }

    @Test
    void closingReleasesEverythingAndLaterAccessFailsCleanly() {
        RocksDbStateBackendFactory f = factory();
        RocksDbKeyedStateBackend<Long> b = f.create("op", GROUPS, KeyGroupRange.all(GROUPS));
        fill(b);
        NamespacedValueState<String, String> s = b.valueState("values", String.class);
        assertThat(f.nativeMemory().memTableBytes()).isPositive();

        f.close();
        f.close();

        assertThat(dir.resolve("local").resolve("db").resolve("op")).doesNotExist();
        assertThatThrownBy(() -> s.get("ns")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> b.timerQueue("t", Long.class).register(1, 1L, 1L))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> f.create("op2", GROUPS, KeyGroupRange.all(GROUPS)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(f.nativeMemory().memTableBytes()).isZero();
    }

    @Test
    void twoFactoriesCannotShareADatabaseDirectory() {
        RocksDbStateBackendFactory f = factory();
        RocksDbKeyedStateBackend<Long> b = f.create("op", GROUPS, KeyGroupRange.all(GROUPS));
        b.setCurrentKey(1L);
        b.valueState("s", String.class).put("n", "v");
        RocksDbStateBackendFactory sameDirectory = new RocksDbStateBackendFactory(f.options());
        factories.add(sameDirectory);

        assertThatThrownBy(() -> sameDirectory.create("op", GROUPS, KeyGroupRange.all(GROUPS)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use");
        assertThat(b.valueState("s", String.class).get("n")).isEqualTo("v");
    }

    @Test
    void nativeMemoryOfAllDatabasesIsBoundedByTheSharedCache() {
        long cache = 8 << 20;
        RocksDbStateBackendFactory f = factory();
        List<RocksDbKeyedStateBackend<Long>> backends = new ArrayList<>();
        for (int op = 0; op < 3; op++) {
            backends.add(f.create("op" + op, GROUPS, KeyGroupRange.all(GROUPS)));
        }
        long maxCache = 0;
        long maxMemTables = 0;
        for (long key = 0; key < 150_000; key++) {
            for (RocksDbKeyedStateBackend<Long> b : backends) {
                b.setCurrentKey(key);
                b.<String, long[]>valueState("s", long[].class).put("namespace-" + key % 3, new long[] {key, key, key});
            }
            if (key % 10_000 == 0) {
                NativeMemory m = f.nativeMemory();
                maxCache = Math.max(maxCache, m.blockCacheBytes());
                maxMemTables = Math.max(maxMemTables, m.memTableBytes());
            }
        }
        assertThat(f.nativeMemory().blockCacheCapacity()).isEqualTo(cache);
        assertThat(maxMemTables).isPositive().isLessThanOrEqualTo(cache);
        assertThat(maxCache).as("memtables are charged to the cache").isPositive()
                .isLessThanOrEqualTo(cache + cache / 4);
    }

    @Test
    void restoreFromMustComeBeforeTheBackends() {
        RocksDbStateBackendFactory f = factory();
        f.create("op", GROUPS, KeyGroupRange.all(GROUPS));
        assertThatThrownBy(() -> f.restoreFrom(dir)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> f.create("op", GROUPS, KeyGroupRange.all(GROUPS)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void directoryNamesAreSafeAndDistinct() {
        assertThat(RocksDbStateBackendFactory.directoryName("window-1.x")).isEqualTo("window-1.x");
        assertThat(RocksDbStateBackendFactory.directoryName("a/b")).startsWith("a_b-")
                .isNotEqualTo(RocksDbStateBackendFactory.directoryName("a b"))
                .isNotEqualTo(RocksDbStateBackendFactory.directoryName("a_b"));
        assertThat(RocksDbStateBackendFactory.directoryName("..")).doesNotContain("/").isNotEqualTo("..");
    }

    @Test
    void theFactoryInterfacesPrepareMethodsChooseTheSnapshotKind() {
        RocksDbStateBackendFactory f = factory();
        RocksDbKeyedStateBackend<Long> b = f.create("op", GROUPS, KeyGroupRange.all(GROUPS));
        fill(b);
        dev.weir.runtime.state.StateBackendFactory asInterface = f;

        assertThat(b.snapshotState()).as("by default").isInstanceOf(KeyedStateSnapshot.class);
        asInterface.prepareCheckpoint(dir.resolve("chk"));
        assertThat(b.snapshotState()).isInstanceOf(RocksDbCheckpointHandle.class);
        assertThatThrownBy(b::snapshotState).as("a checkpoint directory takes one snapshot")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exists already");
        asInterface.prepareSavepoint();
        assertThat(b.snapshotState()).isInstanceOf(KeyedStateSnapshot.class);
    }

    @Test
    void aNativeSavepointOfTwoBackendsRestoresIntoThreeEachTakingItsKeyGroupsAndTimersRaw() throws Exception {
        // the reference: one backend over all key groups, filled the same way
        RocksDbStateBackendFactory reference = factory();
        RocksDbKeyedStateBackend<Long> whole = reference.create("op", GROUPS, KeyGroupRange.all(GROUPS));
        fill(whole);
        registerTimers(whole);
        KeyedStateSnapshot expected = savepoint(reference, whole);

        Path savepoint = dir.resolve("savepoint");
        List<RocksDbSavepointHandle> handles = new ArrayList<>();
        for (int task = 0; task < 2; task++) {
            RocksDbStateBackendFactory f = factory();
            RocksDbKeyedStateBackend<Long> b = f.create("op", GROUPS, KeyGroups.rangeOf(GROUPS, 2, task));
            fill(b);
            registerTimers(b);
            f.prepareSavepoint(dev.weir.runtime.state.SavepointFormat.NATIVE, savepoint.resolve("part-" + task));
            handles.add((RocksDbSavepointHandle) b.snapshotState());
            assertThat(b.timerQueue("t", Long.class).snapshotState()).as("timers are in the files").isNull();
            f.close(); // the savepoint's files outlive the database
        }
        assertThat(handles.get(1).directory()).isEqualTo("op-kg4-7");
        assertThat(handles.get(1).files()).contains("CURRENT").anyMatch(f -> f.endsWith(".sst"));

        List<String> restored = new ArrayList<>();
        List<String> firing = new ArrayList<>();
        for (int task = 0; task < 3; task++) {
            RocksDbStateBackendFactory f = factory();
            f.restoreSavepointFiles(List.of(savepoint.resolve("part-0"), savepoint.resolve("part-1")));
            KeyGroupRange range = KeyGroups.rangeOf(GROUPS, 3, task);
            RocksDbKeyedStateBackend<Long> b = f.create("op", GROUPS, range);
            dev.weir.runtime.time.TimerQueue<Long, Long> timers = b.timerQueue("t", Long.class);
            assertThat(timers.nextTimestamp()).as("queue created before the restore").isEqualTo(Long.MAX_VALUE);
            for (RocksDbSavepointHandle h : handles) {
                b.restoreState(h);
            }
            KeyedStateSnapshot mine = savepoint(f, b);
            assertThat(describe(mine)).isEqualTo(describe(expected.restrictedTo(range)));
            restored.addAll(describe(mine).subList(1, describe(mine).size()));
            long first = Long.MAX_VALUE;
            for (long key = 0; key < 100; key++) {
                if (range.contains(KeyGroups.of(key, GROUPS))) {
                    first = Math.min(first, 1_000 - key);
                }
            }
            assertThat(timers.nextTimestamp()).isEqualTo(first);
            timers.fireUpTo(Long.MAX_VALUE, t -> firing.add(t.timestampMillis() + ":" + t.key()));
        }
        assertThat(restored).hasSize(300);
        List<String> expectedTimers = new ArrayList<>();
        for (long key = 0; key < 100; key++) {
            expectedTimers.add((1_000 - key) + ":" + key);
        }
        assertThat(firing).containsExactlyInAnyOrderElementsOf(expectedTimers);
    }

    @Test
    void aNativeSavepointNeedsItsFilesAndARocksDbBackend() {
        RocksDbStateBackendFactory f = factory();
        RocksDbKeyedStateBackend<Long> b = f.create("op", GROUPS, KeyGroupRange.all(GROUPS));
        fill(b);
        f.prepareSavepoint(dev.weir.runtime.state.SavepointFormat.NATIVE, dir.resolve("sp"));
        RocksDbSavepointHandle handle = (RocksDbSavepointHandle) b.snapshotState();

        RocksDbStateBackendFactory elsewhere = factory();
        elsewhere.restoreSavepointFiles(List.of(dir.resolve("nothing-here")));
        RocksDbKeyedStateBackend<Long> other = elsewhere.create("op", GROUPS, new KeyGroupRange(0, 3));
        assertThatThrownBy(() -> other.restoreState(handle)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("op-kg0-7").hasMessageContaining("not downloaded");
        assertThatThrownBy(() -> HeapKeyedStateBackend.forAllKeyGroups(GROUPS).restoreState(handle))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RocksDB backend only")
                .hasMessageContaining("--format canonical");
    }

    /** For every key 0..99 owned, an event timer at 1000 - key. */
    private static void registerTimers(RocksDbKeyedStateBackend<Long> b) {
        dev.weir.runtime.time.TimerQueue<Long, Long> timers = b.timerQueue("t", Long.class);
        for (long key = 0; key < 100; key++) {
            if (b.ownsKey(key)) {
                timers.register(1_000 - key, key, key);
            }
        }
    }

    private static KeyedStateSnapshot savepoint(RocksDbStateBackendFactory f, RocksDbKeyedStateBackend<?> b) {
        f.prepareSnapshot(SnapshotKind.SAVEPOINT, null);
        return (KeyedStateSnapshot) b.snapshotState();
    }

    /** For every key 0..99 a value and two long-namespaced panes. */
    private static void fill(dev.weir.runtime.state.KeyedStateBackend<Long> b) {
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
    }

    /** A snapshot as sorted text: entry order within a key group is the backend's own. */
    static List<String> describe(KeyedStateSnapshot s) {
        List<String> lines = new ArrayList<>();
        lines.add("groups=" + s.numberOfKeyGroups() + " range=" + s.keyGroupRange());
        for (KeyedStateSnapshot.KeyGroupState g : s.keyGroups()) {
            g.states().forEach((name, e) -> {
                for (int i = 0; i < e.size(); i++) {
                    Object key;
                    Object ns;
                    Object value;
                    if (e instanceof KeyedStateSnapshot.StateEntries.Namespaced n) {
                        key = n.keys()[i];
                        ns = n.namespaces()[i];
                        value = n.values()[i];
                    } else {
                        KeyedStateSnapshot.StateEntries.LongNamespaced l = (KeyedStateSnapshot.StateEntries.LongNamespaced) e;
                        key = l.keys()[i];
                        ns = l.namespaces()[i];
                        value = l.values()[i];
                    }
                    lines.add(g.keyGroup() + " " + name + " " + key + "(" + key.getClass().getSimpleName() + ") "
                            + ns + " " + (value instanceof long[] a ? java.util.Arrays.toString(a) : value));
                }
            });
        }
        lines.sort(null);
        return lines;
    }
}
