package dev.weir.runtime.checkpoint;

import static dev.weir.runtime.oracle.StatefulFixtures.partitioned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.function.Collector;
import dev.weir.api.function.OutputTag;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.oracle.Ev;
import dev.weir.runtime.oracle.Recorded;
import dev.weir.runtime.oracle.Script;
import dev.weir.runtime.oracle.ScriptGenerators;
import dev.weir.runtime.oracle.StatefulFixtures.CountSum;
import dev.weir.runtime.oracle.StatefulFixtures.Ids;
import dev.weir.runtime.oracle.StatefulFixtures.IdsFunction;
import dev.weir.runtime.oracle.StatefulFixtures.Tracker;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.KeyedStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

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
}
