package dev.weir.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.OutputTag;
import dev.weir.api.function.TimerContext;
import dev.weir.api.state.ListState;
import dev.weir.api.state.ListStateDescriptor;
import dev.weir.api.state.MapState;
import dev.weir.api.state.MapStateDescriptor;
import dev.weir.api.state.StateTtl;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.ProcessWindowFunction;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowContext;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.oracle.Ev;
import dev.weir.runtime.oracle.Script;
import dev.weir.runtime.oracle.ScriptGenerators;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.KeyedStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.source.CollectionSource;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * The defining property of checkpoints: a run that crashes 1 to 3 times, each time restored from its last snapshot
 * into a freshly built pipeline (new sources, new function instances), with the output emitted after each snapshot
 * discarded (as an exactly-once sink would), emits exactly what an uninterrupted run emits: the same records, in the
 * same order, with the same timestamps and panes.
 *
 * <p>The pipeline covers every stateful operator: a partitioned out-of-order source (bounded out-of-orderness,
 * per-event watermarks) and a scripted source with explicit watermarks, their union, tumbling and sliding windows
 * with allowed lateness and late side outputs (paned operator), sessions and a count trigger (triggered operator)
 * with process-window functions and an aggregate whose merge is order-sensitive, a keyed function with value, list and map state (one with a TTL) and event-time
 * timers, an interval join of the two sources, and a stateless function that reads the watermark. Input comes from
 * the oracle tests' script generator.
 */
class CrashRestoreEquivalenceTest {
    private static final OutputTag<Ev> LATE = OutputTag.of("late", Ev.class);

    /** The pipeline's shape. */
    record Shape(int partitions, long bound, long size, long slide, long gap, long lateness, long lower, long upper) {
    }

    @Property(tries = 300)
    void crashedAndRestoredRunsEmitExactlyWhatAnUninterruptedRunEmits(
            @ForAll("scripts") Script script, @ForAll("shapes") Shape shape, @ForAll @IntRange(min = 1, max = 12) int batchSize,
            @ForAll("crashes") List<CrashRestoreRuns.CrashPoint> crashes, @ForAll boolean snapshotEveryBoundary,
            @ForAll boolean crashAtEnd, @ForAll("millisPerBoundary") long millisPerBoundary) {
        CrashRestoreRuns runs = new CrashRestoreRuns(out -> graph(script, shape, out), batchSize, millisPerBoundary);
        CrashRestoreRuns.Uninterrupted expected = runs.uninterrupted();

        CrashRestoreRuns.Crashed actual = runs.withCrashes(expected.boundaries(), crashes, snapshotEveryBoundary,
                crashAtEnd);

        assertThat(actual.output()).containsExactlyElementsOf(expected.output());
        Statistics.label("crashes").collect(actual.crashes());
    }

    @Provide
    Arbitrary<Long> millisPerBoundary() {
        return Arbitraries.of(0L, 1L, 7L);
    }

    @Provide
    Arbitrary<Script> scripts() {
        return ScriptGenerators.scripts(0, true, 120, 4);
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<Integer> partitions = Arbitraries.integers().between(1, 3);
        Arbitrary<Long> bound = Arbitraries.longs().between(0, 10);
        Arbitrary<Long> size = Arbitraries.longs().between(1, 20);
        Arbitrary<Long> slideDivisor = Arbitraries.longs().between(1, 4);
        Arbitrary<Long> gap = Arbitraries.longs().between(1, 10);
        Arbitrary<Long> lateness = Arbitraries.of(0L, 0L, 3L, 10L, 40L);
        Arbitrary<Long> lower = Arbitraries.longs().between(-10, 10);
        Arbitrary<Long> width = Arbitraries.longs().between(0, 15);
        return Combinators.combine(partitions, bound, size, slideDivisor, gap, lateness, lower, width)
                .as((p, b, s, d, g, l, lo, w) -> new Shape(p, b, s, Math.max(1, s / d), g, l, lo, lo + w));
    }

    @Provide
    Arbitrary<List<CrashRestoreRuns.CrashPoint>> crashes() {
        Arbitrary<CrashRestoreRuns.CrashPoint> point = Combinators.combine(
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 3))
                .as(CrashRestoreRuns.CrashPoint::new);
        return point.list().ofMinSize(1).ofMaxSize(3);
    }

    static PipelineGraph graph(Script script, Shape shape, List<Recorded> out) {
        Pipeline p = Pipeline.create("crash-restore");
        DataStream<Ev> events = p.source("events", partitioned(script, shape.partitions()),
                WatermarkStrategy.<Ev>boundedOutOfOrderness(Duration.ofMillis(shape.bound())).withPerEventEmission());
        DataStream<Ev> scripted = p.source("script", script.source(), WatermarkStrategy.fromSource());
        KeyedStream<Integer, Ev> byKey = events.union("both", scripted).keyBy("by-key", Ev::key);
        Duration lateness = Duration.ofMillis(shape.lateness());

        DataStream<WindowResult<Integer, String>> tumbling = byKey.window(TumblingWindows.of(ms(shape.size())))
                .allowedLateness(lateness).lateDataTo(LATE).aggregate("tumbling", new CountSum());
        tumbling.sink("tumbling-out", Recorded.sink("tumbling", out));
        tumbling.sideOutput(LATE).sink("tumbling-late", Recorded.sink("tumbling-late", out));

        DataStream<WindowResult<Integer, String>> sliding = byKey
                .window(SlidingWindows.of(ms(shape.size()), ms(shape.slide())))
                .allowedLateness(lateness).lateDataTo(LATE).aggregate("sliding", new CountSum());
        sliding.sink("sliding-out", Recorded.sink("sliding", out));
        sliding.sideOutput(LATE).sink("sliding-late", Recorded.sink("sliding-late", out));

        DataStream<Ids> sessions = byKey.window(SessionWindows.withGap(ms(shape.gap()))).allowedLateness(lateness)
                .lateDataTo(LATE).process("sessions", new IdsFunction());
        sessions.sink("sessions-out", Recorded.sink("sessions", out));
        sessions.sideOutput(LATE).sink("sessions-late", Recorded.sink("sessions-late", out));

        byKey.window(SessionWindows.withGap(ms(shape.gap()))).allowedLateness(lateness)
                .aggregate("session-sums", new CountSum()).sink("session-sums-out", Recorded.sink("session-sums", out));
        byKey.window(TumblingWindows.of(ms(shape.size()))).process("tumbling-ids", new IdsFunction())
                .sink("tumbling-ids-out", Recorded.sink("tumbling-ids", out));
        byKey.window(SlidingWindows.of(ms(shape.size()), ms(shape.slide()))).trigger(Triggers.count(2))
                .process("counted", new IdsFunction())
                .sink("counted-out", Recorded.sink("counted", out));

        byKey.process("tracker", new Tracker()).sink("tracker-out", Recorded.sink("tracker", out));

        KeyedStream<Integer, Ev> left = events.keyBy("left-by-key", Ev::key);
        KeyedStream<Integer, Ev> right = scripted.keyBy("right-by-key", Ev::key);
        left.intervalJoin(right).between(ms(shape.lower()), ms(shape.upper()))
                .process("join", (l, r, ctx, o) -> o.emit(l.id() + "-" + r.id()))
                .sink("join-out", Recorded.sink("join", out));

        events.process("watermarks", (Ev e, dev.weir.api.function.FunctionContext ctx,
                                      Collector<String> o) -> o.emit(e.id() + "@" + ctx.currentWatermarkMillis()))
                .sink("watermarks-out", Recorded.sink("watermarks", out));
        return p.graph();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** The script's elements dealt round-robin over {@code n} partitions, each keeping script order. */
    private static CollectionSource<Ev> partitioned(Script script, int n) {
        List<List<Event<Void, Ev>>> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parts.add(new ArrayList<>());
        }
        for (Ev e : script.elements()) {
            parts.get(e.id() % n).add(Event.of(e, e.ts()));
        }
        return CollectionSource.ofPartitions(Ev.class, parts);
    }

    /** What a process-window function saw. */
    record Ids(int key, Window window, PaneInfo pane, List<Integer> ids) {
    }

    static final class IdsFunction implements ProcessWindowFunction<Integer, Ev, Ids> {
        @Override
        public void process(Integer key, Iterable<Ev> elements, WindowContext ctx, Collector<Ids> out) {
            List<Integer> ids = new ArrayList<>();
            elements.forEach(e -> ids.add(e.id()));
            out.emit(new Ids(key, ctx.window(), ctx.pane(), List.copyOf(ids)));
        }
    }

    /** Count, sum and the ids in arrival order, in a mutable accumulator without a no-argument constructor. */
    static final class CountSum implements AggregateFunction<Ev, CountSum.Acc, String> {
        static final class Acc {
            long count;
            long sum;
            final List<Integer> ids;

            Acc(List<Integer> ids) {
                this.ids = ids;
            }
        }

        @Override
        public Acc createAccumulator() {
            return new Acc(new ArrayList<>());
        }

        @Override
        public Acc add(Ev value, Acc acc) {
            acc.count++;
            acc.sum += value.value();
            acc.ids.add(value.id());
            return acc;
        }

        @Override
        public Acc merge(Acc a, Acc b) {
            a.count += b.count;
            a.sum += b.sum;
            a.ids.addAll(b.ids);
            return a;
        }

        @Override
        public String result(Acc acc) {
            return acc.count + "/" + acc.sum + "/" + acc.ids;
        }
    }

    /**
     * Keeps per key a count (value state with a processing-time TTL of 40 ms), the last ids (list state) and the last
     * value per id modulo 5 (map state, entries expiring after 60 ms); emits them on every element, from an event-time
     * timer 7 ms after each element (which deletes the previous element's timer when they are close) and from a
     * processing-time timer 15 ms after every third element.
     */
    static final class Tracker implements KeyedFunction<Integer, Ev, String> {
        static final ValueStateDescriptor<Long> COUNT = ValueStateDescriptor.of("count", Long.class)
                .withTtl(StateTtl.afterWrite(Duration.ofMillis(40)));
        static final ValueStateDescriptor<Long> LAST_TS = ValueStateDescriptor.of("last-ts", Long.class);
        static final ListStateDescriptor<Integer> IDS = ListStateDescriptor.of("ids", Integer.class);
        static final MapStateDescriptor<Integer, Integer> BY_SLOT = MapStateDescriptor.of("by-slot", Integer.class,
                Integer.class).withTtl(StateTtl.afterAccess(Duration.ofMillis(60)));

        @Override
        public void process(Ev e, KeyedContext<Integer> ctx, Collector<String> out) {
            ValueState<Long> count = ctx.state().value(COUNT);
            long n = count.valueOr(0L) + 1;
            count.update(n);
            ListState<Integer> ids = ctx.state().list(IDS);
            ids.add(e.id());
            if (ids.get().size() > 4) {
                ids.update(ids.get().subList(1, 5));
            }
            MapState<Integer, Integer> bySlot = ctx.state().map(BY_SLOT);
            bySlot.put(e.id() % 5, e.value());
            ValueState<Long> lastTs = ctx.state().value(LAST_TS);
            Long previous = lastTs.value();
            if (previous != null && Math.abs(previous - e.ts()) < 3) {
                ctx.timers().deleteEventTimeTimer(Instant.ofEpochMilli(previous + 7));
            }
            lastTs.update(e.ts());
            ctx.timers().registerEventTimeTimer(Instant.ofEpochMilli(e.ts() + 7));
            if (n % 3 == 0) {
                ctx.timers().registerProcessingTimeTimer(Instant.ofEpochMilli(ctx.currentProcessingTimeMillis() + 15));
            }
            out.emit("k" + ctx.currentKey() + " n=" + n + " ids=" + ids.get() + " slots=" + bySlot.entries());
        }

        @Override
        public void onTimer(TimerContext<Integer> ctx, Collector<String> out) {
            ListState<Integer> ids = ctx.state().list(IDS);
            out.emit(ctx.timeDomain() + " timer k" + ctx.currentKey() + "@" + ctx.timestamp() + " ids=" + ids.get()
                    + " n=" + ctx.state().value(COUNT).value() + " now=" + ctx.currentProcessingTimeMillis());
            ids.clear();
        }
    }
}
