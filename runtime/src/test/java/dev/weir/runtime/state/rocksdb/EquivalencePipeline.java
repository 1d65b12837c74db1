package dev.weir.runtime.state.rocksdb;

import static dev.weir.runtime.oracle.StatefulFixtures.partitioned;

import dev.weir.api.function.OutputTag;
import dev.weir.api.time.TimeDomain;
import dev.weir.api.window.GlobalWindows;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.oracle.Ev;
import dev.weir.runtime.oracle.Recorded;
import dev.weir.runtime.oracle.Script;
import dev.weir.runtime.oracle.StatefulFixtures.CountSum;
import dev.weir.runtime.oracle.StatefulFixtures.Ids;
import dev.weir.runtime.oracle.StatefulFixtures.IdsFunction;
import dev.weir.runtime.oracle.StatefulFixtures.Tracker;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.KeyedStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A pipeline with every keyed operator, to run on the heap and on RocksDB: an out-of-order partitioned source and a
 * scripted one with explicit watermarks; tumbling and sliding aggregations with allowed lateness and late outputs and
 * a processing-time tumbling one (paned operator); sessions with a process function and an aggregate, a count trigger
 * on sliding windows, early firings on tumbling windows and a purging count trigger on the global window (triggered
 * operator); a keyed function with value, list and map state (two with a TTL), event- and processing-time timers; an
 * interval join. The accumulators are mutable, without a no-argument constructor, so a backend that stores references
 * and one that serializes must give the same results only if the operators write state back.
 */
final class EquivalencePipeline {
    static final OutputTag<Ev> LATE = OutputTag.of("late", Ev.class);
    private static final Pattern TRACKER_KEY = Pattern.compile("k(\\d+)");

    private EquivalencePipeline() {
    }

    /** The pipeline's shape. */
    record Shape(int partitions, long bound, long size, long slide, long gap, long lateness, long lower, long upper) {
    }

    static Arbitrary<Shape> shapes() {
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

    static PipelineGraph graph(Script script, Shape shape, List<Recorded> out) {
        Pipeline p = Pipeline.create("backend-equivalence");
        DataStream<Ev> events = p.source("events", partitioned(script, shape.partitions()),
                WatermarkStrategy.<Ev>boundedOutOfOrderness(Duration.ofMillis(shape.bound())).withPerEventEmission());
        DataStream<Ev> scripted = p.source("script", script.source(), WatermarkStrategy.fromSource());
        KeyedStream<Integer, Ev> byKey = events.union("both", scripted).keyBy("by-key", Ev::key);
        Duration lateness = ms(shape.lateness());

        DataStream<WindowResult<Integer, String>> tumbling = byKey.window(TumblingWindows.of(ms(shape.size())))
                .allowedLateness(lateness).lateDataTo(LATE).aggregate("tumbling", new CountSum());
        tumbling.sink("tumbling-out", Recorded.sink("tumbling", out));
        tumbling.sideOutput(LATE).sink("tumbling-late", Recorded.sink("tumbling-late", out));

        byKey.window(SlidingWindows.of(ms(shape.size()), ms(shape.slide()))).allowedLateness(lateness)
                .aggregate("sliding", new CountSum()).sink("sliding-out", Recorded.sink("sliding", out));
        byKey.window(TumblingWindows.of(ms(shape.size())).inProcessingTime()).aggregate("processing", new CountSum())
                .sink("processing-out", Recorded.sink("processing", out));

        DataStream<Ids> sessions = byKey.window(SessionWindows.withGap(ms(shape.gap()))).allowedLateness(lateness)
                .lateDataTo(LATE).process("sessions", new IdsFunction());
        sessions.sink("sessions-out", Recorded.sink("sessions", out));
        sessions.sideOutput(LATE).sink("sessions-late", Recorded.sink("sessions-late", out));
        byKey.window(SessionWindows.withGap(ms(shape.gap()))).allowedLateness(lateness)
                .aggregate("session-sums", new CountSum()).sink("session-sums-out", Recorded.sink("session-sums", out));

        byKey.window(SlidingWindows.of(ms(shape.size()), ms(shape.slide()))).allowedLateness(lateness)
                .trigger(Triggers.count(2)).process("counted", new IdsFunction())
                .sink("counted-out", Recorded.sink("counted", out));
        byKey.window(TumblingWindows.of(ms(shape.size() * 3))).allowedLateness(lateness)
                .trigger(Triggers.earlyFirings(ms(Math.max(1, shape.size() / 2)), TimeDomain.EVENT_TIME))
                .aggregate("early", new CountSum()).sink("early-out", Recorded.sink("early", out));
        byKey.window(GlobalWindows.create()).trigger(Triggers.purging(Triggers.count(3)))
                .process("global", new IdsFunction()).sink("global-out", Recorded.sink("global", out));

        byKey.process("tracker", new Tracker()).sink("tracker-out", Recorded.sink("tracker", out));

        KeyedStream<Integer, Ev> left = events.keyBy("left-by-key", Ev::key);
        KeyedStream<Integer, Ev> right = scripted.keyBy("right-by-key", Ev::key);
        left.intervalJoin(right).between(ms(shape.lower()), ms(shape.upper()))
                .process("join", (l, r, ctx, o) -> o.emit(l.id() + "-" + r.id()))
                .sink("join-out", Recorded.sink("join", out));
        return p.graph();
    }

    /**
     * The output per (sink, key, window): the sequences the backends must agree on exactly. Timers with equal
     * timestamps fire in registration order on the heap and in key-byte order in RocksDB, so windows of different
     * keys (and windows of one key ending together) may interleave differently; each sequence must not differ.
     * Outputs without a key (late elements, joins) are in element order, the same for any backend.
     */
    static Map<String, List<Recorded>> bySinkKeyAndWindow(List<Recorded> output) {
        Map<String, List<Recorded>> groups = new LinkedHashMap<>();
        for (Recorded r : output) {
            groups.computeIfAbsent(group(r), g -> new ArrayList<>()).add(r);
        }
        return groups;
    }

    private static String group(Recorded r) {
        if (r.value() instanceof WindowResult<?, ?> w) {
            return r.sink() + " " + w.key() + " " + w.window();
        }
        if (r.value() instanceof Ids ids) {
            return r.sink() + " " + ids.key() + " " + (ids.window().isGlobal() ? "" : ids.window());
        }
        if (r.sink().equals("tracker")) {
            Matcher m = TRACKER_KEY.matcher((String) r.value());
            if (m.find()) {
                return r.sink() + " " + m.group(1);
            }
        }
        return r.sink();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
