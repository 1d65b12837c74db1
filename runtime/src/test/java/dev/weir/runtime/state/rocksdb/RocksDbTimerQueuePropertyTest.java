package dev.weir.runtime.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.time.HeapTimerQueue;
import dev.weir.runtime.time.InternalTimer;
import dev.weir.runtime.time.TimerQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The RocksDB timer queue against the heap queue on random operation sequences: registrations, deletions and firings
 * whose callbacks register timers (earlier than the one firing, so they fire next, and later) and delete later ones.
 * Both must fire the same timers at the same timestamps, each queue always the earliest pending timer next (so a
 * timer a callback registers earlier than the one firing comes next; the order of equal timestamps is each queue's
 * own, and so is the interleaving that follows from it), and agree on {@code nextTimestamp()}, {@code size()} and the
 * pending timers after every step.
 *
 * <p>Since the queues may fire equal timestamps in different orders, callbacks are built so that the order cannot
 * change what fires: top-level timers have even timestamps and keys 0..6; the callback of a top-level timer (chosen
 * by the timer, not by when it fires) registers a timer of its own at an odd timestamp with the key + 10 (no
 * callback of its own), and deletes such timers or top-level ones at later timestamps only (never one that may have
 * fired in one queue and not yet in the other).
 *
 * <p>Every try uses the same RocksDB queue, drained first (creating a column family per try would cost more than the
 * try: RocksDB rewrites its options file, listing every column family, for each one), so tries also start from a
 * queue full of tombstones and with its floor somewhere. Shrinking is not bounded in time: a bounded shrink goes on
 * in the background and would use the database after it closed.
 */
class RocksDbTimerQueuePropertyTest {
    private static Path directory;
    private static RocksDbStateBackendFactory factory;
    private static RocksDbKeyedStateBackend<Integer> backend;

    @BeforeContainer
    static void open() throws IOException {
        directory = Files.createTempDirectory("timer-property");
        factory = new RocksDbStateBackendFactory(RocksDbOptions.defaults(directory).withMemory(16 << 20, 8 << 20));
        backend = factory.create("timers", 8, KeyGroupRange.all(8));
    }

    @AfterContainer
    static void close() {
        factory.close();
        CheckpointFiles.deleteRecursively(directory);
    }

    /** A timer operation; in a callback, {@code ts} is relative to the firing timer's timestamp. */
    record Op(int kind, long ts, int key, long namespace) {
        static final int REGISTER = 0;
        static final int DELETE = 1;
        static final int FIRE = 2;
    }

    @Property(tries = 600, shrinking = ShrinkingMode.FULL)
    void behavesLikeTheHeapQueue(@ForAll("operations") List<Op> ops, @ForAll("callbacks") List<Op> callbackOps) {
        TimerQueue<Integer, Long> rocks = backend.timerQueue("q", Long.class);
        rocks.fireUpTo(Long.MAX_VALUE, t -> { });
        assertThat(rocks.size()).isZero();
        HeapTimerQueue<Integer, Long> heap = new HeapTimerQueue<>();
        for (Op op : ops) {
            switch (op.kind()) {
                case Op.REGISTER -> {
                    rocks.register(op.ts(), op.key(), op.namespace());
                    heap.register(op.ts(), op.key(), op.namespace());
                }
                case Op.DELETE -> {
                    rocks.delete(op.ts(), op.key(), op.namespace());
                    heap.delete(op.ts(), op.key(), op.namespace());
                }
                default -> {
                    List<InternalTimer<Integer, Long>> firedByRocks = fire(rocks, op.ts(), callbackOps);
                    List<InternalTimer<Integer, Long>> firedByHeap = fire(heap, op.ts(), callbackOps);
                    assertThat(byTimestamp(firedByRocks)).isEqualTo(byTimestamp(firedByHeap));
                    assertThat(firedByRocks).allMatch(t -> t.timestampMillis() <= op.ts());
                }
            }
            assertThat(rocks.nextTimestamp()).isEqualTo(heap.nextTimestamp());
            assertThat(rocks.size()).isEqualTo(heap.size());
        }
        assertThat(set(rocks.all())).isEqualTo(set(heap.all()));
        List<Long> order = new ArrayList<>();
        rocks.all().forEach(t -> order.add(t.timestampMillis()));
        assertThat(order).isSorted();
    }

    /** Fires up to {@code upTo}; a top-level timer's callback applies the callback operation its hash picks. */
    private static List<InternalTimer<Integer, Long>> fire(TimerQueue<Integer, Long> q, long upTo, List<Op> callbackOps) {
        List<InternalTimer<Integer, Long>> fired = new ArrayList<>();
        q.fireUpTo(upTo, t -> {
            assertThat(t.timestampMillis()).as("fired before an earlier timer").isLessThanOrEqualTo(q.nextTimestamp());
            fired.add(t);
            if (callbackOps.isEmpty() || t.key() >= 10) {
                return;
            }
            int pick = Math.floorMod((int) (t.timestampMillis() * 31 + t.key()) * 31 + t.namespace().intValue(),
                    callbackOps.size());
            Op op = callbackOps.get(pick);
            long ts = t.timestampMillis() + op.ts();
            if (op.kind() == Op.REGISTER) {
                q.register(ts, t.key() + 10, t.namespace());
            } else {
                q.delete(ts, op.key(), op.namespace());
            }
        });
        return fired;
    }

    /** Timestamp -> how often each timer fired at it (a callback may register a fired timer again). */
    private static Map<Long, Map<InternalTimer<Integer, Long>, Integer>> byTimestamp(
            List<InternalTimer<Integer, Long>> timers) {
        Map<Long, Map<InternalTimer<Integer, Long>, Integer>> m = new TreeMap<>();
        for (InternalTimer<Integer, Long> t : timers) {
            m.computeIfAbsent(t.timestampMillis(), x -> new HashMap<>()).merge(t, 1, Integer::sum);
        }
        return m;
    }

    private static Set<InternalTimer<Integer, Long>> set(Iterable<InternalTimer<Integer, Long>> timers) {
        Set<InternalTimer<Integer, Long>> s = new HashSet<>();
        timers.forEach(s::add);
        return s;
    }

    /** Top-level operations: even timestamps, keys 0..6; firings up to any timestamp. */
    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.frequency(net.jqwik.api.Tuple.of(6, Op.REGISTER), net.jqwik.api.Tuple.of(2, Op.DELETE),
                        net.jqwik.api.Tuple.of(2, Op.FIRE)),
                Arbitraries.longs().between(-5, 40), Arbitraries.integers().between(0, 6),
                Arbitraries.longs().between(0, 2))
                .as((kind, ts, key, ns) -> new Op(kind, kind == Op.FIRE ? ts : 2 * ts, key, ns));
        return op.list().ofMaxSize(80);
    }

    /**
     * Callback operations, timestamps relative to the firing (even) one: registrations at odd offsets from -7 (fires
     * next) to +15; deletions of top-level timers 2 to 16 later, or of callback timers (key + 10) 1 to 15 later.
     */
    @Provide
    Arbitrary<List<Op>> callbacks() {
        Arbitrary<Op> register = Arbitraries.longs().between(-4, 7)
                .map(off -> new Op(Op.REGISTER, 2 * off + 1, 0, 0));
        Arbitrary<Op> deleteTopLevel = Combinators.combine(Arbitraries.longs().between(1, 8),
                        Arbitraries.integers().between(0, 6), Arbitraries.longs().between(0, 2))
                .as((d, key, ns) -> new Op(Op.DELETE, 2 * d, key, ns));
        Arbitrary<Op> deleteCallbackTimer = Combinators.combine(Arbitraries.longs().between(0, 7),
                        Arbitraries.integers().between(10, 16), Arbitraries.longs().between(0, 2))
                .as((d, key, ns) -> new Op(Op.DELETE, 2 * d + 1, key, ns));
        return Arbitraries.oneOf(register, deleteTopLevel, deleteCallbackTimer).list().ofMaxSize(6);
    }
}
