package dev.weir.bench.micro;

import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.window.Window;
import dev.weir.runtime.graph.StateBackendKind;
import dev.weir.runtime.state.KeyGroupRange;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.KeyedStateBackend;
import dev.weir.runtime.state.LongNamespacedValueState;
import dev.weir.runtime.state.NamespacedValueState;
import dev.weir.runtime.state.StateBackendFactory;
import dev.weir.runtime.state.StateBackends;
import dev.weir.runtime.state.UserStateStore;
import dev.weir.runtime.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Keyed state per record, on the heap and the RocksDB backend ({@link StateBackends} with the default tuning: 64 MiB
 * block cache, 32 MiB of memtables; working files in a temporary directory), as operators use it: set the current
 * key, read, write back. One operation is one record of a key drawn from {@code keys} distinct keys (boxed
 * {@code Long}s) in a scattered order that visits every key once per round; every key already has state (the
 * benchmark's own operation is run once per key before measuring), so each get hits.
 *
 * <ul>
 *   <li>{@link #valueCount}: a keyed function's count in a {@link ValueState} ({@link UserStateStore}, no TTL);</li>
 *   <li>{@link #paneCount}: a window pane's count accumulator ({@code long[1]}) in a {@code long}-namespaced state,
 *       as the paned (tumbling/sliding) window operator keeps it;</li>
 *   <li>{@link #windowCount}: the same accumulator under a {@link Window} namespace, as the triggered window
 *       operator keeps window contents.</li>
 * </ul>
 * The heap backend stores references, so the accumulators are updated in place and not written back; RocksDB
 * serializes, so every record is a get and a put.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class KeyedStateBenchmark {
    private static final long PANE_START_MILLIS = 1_735_689_600_000L;
    /** Odd, so stepping by it modulo a power of two visits every index once per round. */
    private static final int STRIDE = 0x9E3779B1;

    @State(Scope.Thread)
    public static class Backend {
        @Param({"heap", "rocksdb"})
        public String backend;

        /** Distinct keys: {@code 1k} (1,024) or {@code 1M} (1,048,576). */
        @Param({"1k", "1M"})
        public String keys;

        Long[] keySpace;
        int mask;
        int next;
        Path directory;
        StateBackendFactory factory;
        KeyedStateBackend<Long> state;
        ValueState<Long> count;
        LongNamespacedValueState<long[]> panes;
        NamespacedValueState<Window, Object> windows;
        final Window window = new Window(PANE_START_MILLIS, PANE_START_MILLIS + 10_000);

        @Setup(Level.Trial)
        public void setup(BenchmarkParams params) throws IOException {
            int n = keyCount(keys);
            keySpace = new Long[n];
            for (int i = 0; i < n; i++) {
                keySpace[i] = 1_000_000L + i;
            }
            mask = n - 1;
            directory = Files.createTempDirectory("weir-jmh-state");
            factory = StateBackends.create(StateBackendKind.valueOf(backend.toUpperCase(Locale.ROOT)), directory,
                    KeyedStateBenchmark.class.getClassLoader());
            state = factory.create("jmh-state", KeyGroups.DEFAULT_NUMBER, KeyGroupRange.all(KeyGroups.DEFAULT_NUMBER));
            count = new UserStateStore(state, new ManualClock(0)).value(ValueStateDescriptor.of("count", Long.class));
            panes = state.longNamespacedState("panes", long[].class);
            windows = state.valueState("window-contents", Object.class);
            String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            for (int i = 0; i < n; i++) {
                switch (method) {
                    case "valueCount" -> valueCount();
                    case "paneCount" -> paneCount();
                    case "windowCount" -> windowCount();
                    default -> throw new IllegalStateException("no prefill for " + method);
                }
            }
        }

        Long nextKey() {
            Long key = keySpace[next & mask];
            next += STRIDE;
            return key;
        }

        /** A keyed function counting its key's records: {@code value()} then {@code update(count + 1)}. */
        long valueCount() {
            state.setCurrentKey(nextKey());
            Long c = count.value();
            long updated = c == null ? 1 : c + 1;
            count.update(updated);
            return updated;
        }

        /** The paned window operator's step with a count: get the pane, create or increment, put unless on the heap. */
        long[] paneCount() {
            state.setCurrentKey(nextKey());
            long[] pane = panes.get(PANE_START_MILLIS);
            boolean created = pane == null;
            long[] acc = created ? new long[1] : pane;
            acc[0]++;
            if (created || !state.storesReferences()) {
                panes.put(PANE_START_MILLIS, acc);
            }
            return acc;
        }

        /** The triggered window operator's contents step with a count, under a {@link Window} namespace. */
        Object windowCount() {
            state.setCurrentKey(nextKey());
            Object c = windows.get(window);
            long[] acc = c == null ? new long[1] : (long[]) c;
            acc[0]++;
            if (c == null || !state.storesReferences()) {
                windows.put(window, acc);
            }
            return acc;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            state.close();
            factory.close();
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static int keyCount(String keys) {
        return switch (keys) {
            case "1k" -> 1 << 10;
            case "1M" -> 1 << 20;
            default -> throw new IllegalArgumentException("keys must be 1k or 1M, was " + keys);
        };
    }

    @Benchmark
    public long valueCount(Backend b) {
        return b.valueCount();
    }

    @Benchmark
    public long[] paneCount(Backend b) {
        return b.paneCount();
    }

    @Benchmark
    public Object windowCount(Backend b) {
        return b.windowCount();
    }
}
