package dev.weir.runtime.state.rocksdb;

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
import dev.weir.api.time.TimeDomain;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.GlobalWindows;
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
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.KeyedStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.source.CollectionSource;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.time.Instant;
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
     * value per id modulo 5 (map state, entries expiring after 60 ms of no access); emits them on every element, from
     * an event-time timer 7 ms after each element (deleting the previous element's timer when they are close) and
     * from a processing-time timer 15 ms after every third element.
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
