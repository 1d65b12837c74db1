package dev.weir.bench.micro;

import dev.weir.api.event.Headers;
import dev.weir.api.function.KeySelector;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.graph.WindowFunctionRef;
import dev.weir.runtime.operator.OperatorContext;
import dev.weir.runtime.operator.OperatorMetrics;
import dev.weir.runtime.operator.Output;
import dev.weir.runtime.state.KeyGroups;
import dev.weir.runtime.state.heap.HeapKeyedStateBackend;
import dev.weir.runtime.time.ManualClock;
import dev.weir.runtime.time.ProcessingTimeService;
import dev.weir.runtime.window.TriggeredWindowOperator;
import dev.weir.runtime.window.WindowAssigner;
import dev.weir.runtime.window.WindowContents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Window assignment per record with the runtime's {@link WindowAssigner}s: 10 s tumbling, 10 s sliding every 2 s
 * (5 windows a record) and 500 ms sessions. Session merging is not the assigner's job: it happens in
 * {@link TriggeredWindowOperator}, so {@link #sessionMerge} measures a record through that operator (heap state,
 * built-in count), where every record extends its key's live session.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WindowAssignmentBenchmark {
    private static final long START_MILLIS = 1_735_689_600_000L;

    /** The assigners and a reused output list, as the window operator keeps one. */
    @State(Scope.Thread)
    public static class Assigners {
        final WindowAssigner tumbling = WindowAssigner.of(TumblingWindows.of(Duration.ofSeconds(10)));
        final WindowAssigner sliding =
                WindowAssigner.of(SlidingWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2)));
        final WindowAssigner session = WindowAssigner.of(SessionWindows.withGap(Duration.ofMillis(500)));
        final List<Window> out = new ArrayList<>(8);
        long timestamp = START_MILLIS;

        /** Event times 7 ms apart, so records cross window boundaries at every phase. */
        long nextTimestamp() {
            return timestamp += 7;
        }
    }

    @Benchmark
    public Window tumbling(Assigners s) {
        return assign(s.tumbling, s);
    }

    @Benchmark
    public Window sliding(Assigners s) {
        return assign(s.sliding, s);
    }

    @Benchmark
    public Window session(Assigners s) {
        return assign(s.session, s);
    }

    private static Window assign(WindowAssigner assigner, Assigners s) {
        s.out.clear();
        assigner.assign(s.nextTimestamp(), s.out);
        return s.out.get(s.out.size() - 1);
    }

    /**
     * A session-window count ({@link TriggeredWindowOperator}, gap 10 s, heap backend) over 1,024 keys, records 1 ms
     * apart in key order: every record meets its key's live session ~1 s after the previous one and extends it, which
     * is the merging path (list the key's windows, merge contents, move the cleanup timer). No watermark arrives, so
     * nothing fires and the state stays at one session per key.
     */
    @State(Scope.Thread)
    public static class Sessions {
        static final int KEYS = 1024;
        final Long[] keys = new Long[KEYS];
        TriggeredWindowOperator<Long, Long> operator;
        long index;

        @Setup
        public void setup() throws Exception {
            for (int i = 0; i < KEYS; i++) {
                keys[i] = 1_000_000L + i;
            }
            OperatorMetrics metrics = new OperatorMetrics("session-count");
            OperatorContext ctx = new OperatorContext("session-count", metrics,
                    new ProcessingTimeService(new ManualClock(0)), ErrorPolicy.FAIL, KeyGroups.DEFAULT_NUMBER);
            Output<Object> output = new DiscardingOutput();
            WindowSpec spec = SessionWindows.withGap(Duration.ofSeconds(10));
            WindowContents<Long, Long, Object> contents =
                    WindowContents.of(new WindowFunctionRef.Aggregate<>(new Count<Long>()), ctx, null, output);
            KeySelector<Long, Long> byValue = v -> v;
            operator = new TriggeredWindowOperator<>(ctx, byValue, HeapKeyedStateBackend.forAllKeyGroups(
                    KeyGroups.DEFAULT_NUMBER), contents, output, Optional.empty(), WindowAssigner.of(spec),
                    Triggers.defaultFor(spec), spec.timeDomain(), 0);
            operator.open();
        }
    }

    @Benchmark
    public long sessionMerge(Sessions s) {
        long i = s.index++;
        s.operator.element(s.keys[(int) (i & (Sessions.KEYS - 1))], START_MILLIS + i, Headers.EMPTY);
        return i;
    }

    /** Drops what the operator emits (nothing fires here: no watermark arrives). */
    static final class DiscardingOutput implements Output<Object> {
        @Override
        public void element(Object value, long timestampMillis, Headers headers) {
        }

        @Override
        public void watermark(long watermarkMillis) {
        }

        @Override
        public void endOfInput() {
        }

        @Override
        public void side(String tagId, Object value, long timestampMillis, Headers headers) {
        }
    }
}
