package dev.weir.runtime.engine;

import dev.weir.runtime.functions.Count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.event.Event;
import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.OutputTag;
import dev.weir.api.function.TimerContext;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.operator.DeadLetter;
import dev.weir.runtime.operator.PipelineFailedException;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.CollectSink;
import dev.weir.runtime.source.CollectionSource;
import dev.weir.runtime.time.ManualClock;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LocalEngineTest {
    static final long MIN = 60_000;

    private static List<Event<Void, String>> clicks(int... minutes) {
        return java.util.Arrays.stream(minutes).mapToObj(m -> Event.of("k", 600 * MIN + m * MIN)).toList();
    }

    private static Map<String, Long> windowCounts(dev.weir.api.window.WindowSpec spec, List<Event<Void, String>> events) {
        Pipeline p = Pipeline.create("t");
        CollectSink<WindowResult<String, Long>> out = new CollectSink<>();
        p.source("in", CollectionSource.of(String.class, events), WatermarkStrategy.<String>boundedOutOfOrderness(Duration.ZERO))
                .keyBy("by", v -> v).window(spec).aggregate("count", new Count<>()).sink("out", out);
        new LocalEngine(new ManualClock(0)).run(p.graph());
        return out.values().stream().collect(Collectors.toMap(
                r -> Instant.ofEpochMilli(r.window().startMillis()) + "/" + Instant.ofEpochMilli(r.window().endMillis()),
                WindowResult::value, Long::sum, TreeMap::new));
    }

    @Test
    void tumblingWorkedExample() {
        Map<String, Long> counts = windowCounts(TumblingWindows.of(Duration.ofMinutes(5)), clicks(0, 2, 4, 6, 8, 12));
        assertThat(counts.values()).containsExactly(3L, 2L, 1L);
    }

    @Test
    void slidingWorkedExample() {
        Map<String, Long> counts = windowCounts(SlidingWindows.of(Duration.ofMinutes(5), Duration.ofMinutes(2)),
                clicks(0, 2, 4, 6, 8, 12));
        assertThat(counts.values()).containsExactly(1L, 2L, 3L, 3L, 3L, 2L, 2L, 1L, 1L);
    }

    @Test
    void sessionWorkedExample() {
        Map<String, Long> counts = windowCounts(SessionWindows.withGap(Duration.ofMinutes(3)), clicks(0, 2, 4, 6, 8, 12));
        assertThat(counts).containsExactly(Map.entry("1970-01-01T10:00:00Z/1970-01-01T10:11:00Z", 5L),
                Map.entry("1970-01-01T10:12:00Z/1970-01-01T10:15:00Z", 1L));
    }

    @Test
    void functionFailureUnderDeadLetterPolicyGoesToDeadLetterOutputAndPipelineContinues() {
        Pipeline p = Pipeline.create("dlq").options(PipelineOptions.defaults().withErrorPolicy(ErrorPolicy.DEAD_LETTER));
        CollectSink<Integer> out = new CollectSink<>();
        CollectSink<DeadLetter> dead = new CollectSink<>();
        DataStream<Integer> parsed = p.source("in", CollectionSource.of(String.class,
                        List.of(Event.of("1", 1), Event.of("x", 2), Event.of("3", 3))),
                WatermarkStrategy.<String>monotonous()).map("parse", Integer::parseInt);
        parsed.sink("out", out);
        parsed.sideOutput(OutputTag.of(ErrorPolicy.DEAD_LETTER_OUTPUT, DeadLetter.class)).sink("dead", dead);
        JobResult r = new LocalEngine(new ManualClock(0)).run(p.graph());
        assertThat(out.values()).containsExactly(1, 3);
        assertThat(dead.values()).singleElement().satisfies(d -> {
            assertThat(d.operator()).isEqualTo("parse");
            assertThat(d.input()).isEqualTo("x");
            assertThat(d.errorType()).isEqualTo(NumberFormatException.class.getName());
        });
        assertThat(r.failed()).isEqualTo(1);
    }

    @Test
    void functionFailureUnderFailPolicyStopsThePipelineNamingTheOperator() {
        Pipeline p = Pipeline.create("fail");
        p.source("in", CollectionSource.of(String.class, List.of(Event.of("x", 1))), WatermarkStrategy.<String>monotonous())
                .map("parse", Integer::parseInt).sink("out", new CollectSink<>());
        assertThatThrownBy(() -> new LocalEngine(new ManualClock(0)).run(p.graph()))
                .isInstanceOf(PipelineFailedException.class).hasMessageContaining("operator 'parse'");
    }

    @Test
    void liveMetricsHandedOutAtStartAreTheCountersTheRunUpdates() {
        Pipeline p = Pipeline.create("live");
        p.source("in", CollectionSource.of(String.class, clicks(0, 2, 4)), WatermarkStrategy.<String>monotonous())
                .map("upper", String::toUpperCase).sink("out", new CollectSink<>());
        java.util.concurrent.atomic.AtomicReference<Map<String, dev.weir.runtime.operator.OperatorMetrics>> live =
                new java.util.concurrent.atomic.AtomicReference<>();
        new LocalEngine(new ManualClock(0)).run(p.graph(), m -> {
            assertThat(m.get("upper").recordsIn()).as("handed out before the first record").isZero();
            live.set(m);
        });
        assertThat(live.get().get("upper").recordsIn()).isEqualTo(3);
        assertThat(live.get().get("out").recordsIn()).isEqualTo(3);
    }

    @Test
    void unionWithASourceWithoutPartitionsStillCompletesAndFiresWindows() {
        Pipeline p = Pipeline.create("empty");
        var empty = new dev.weir.runtime.source.Source<String>() {
            public int partitions() { return 0; }
            public Class<String> type() { return String.class; }
            public dev.weir.runtime.source.SourceReader<String> createReader(int partition) {
                throw new IllegalStateException("no partitions");
            }
        };
        CollectSink<WindowResult<String, Long>> out = new CollectSink<>();
        var a = p.source("a", CollectionSource.of(String.class, clicks(0, 2)), WatermarkStrategy.<String>monotonous());
        var b = p.source("b", empty, WatermarkStrategy.<String>monotonous());
        a.union("both", b).keyBy("by", v -> v).window(TumblingWindows.of(Duration.ofMinutes(5)))
                .aggregate("count", new Count<>()).sink("out", out);
        new LocalEngine(new ManualClock(0)).run(p.graph());
        assertThat(out.values()).extracting(WindowResult::value).containsExactly(2L);
    }

    /** Emits the running count per key, and "k:timeout" when 10 ms of event time pass without an event. */
    static final class RunningCount implements KeyedFunction<String, String, String> {
        static final ValueStateDescriptor<Long> COUNT = ValueStateDescriptor.of("count", Long.class);

        @Override
        public void process(String in, KeyedContext<String> ctx, Collector<String> out) {
            ValueState<Long> c = ctx.state().value(COUNT);
            long n = c.valueOr(0L) + 1;
            c.update(n);
            ctx.timers().registerEventTimeTimer(ctx.timestamp().plusMillis(10));
            out.emit(ctx.currentKey() + "=" + n);
        }

        @Override
        public void onTimer(TimerContext<String> ctx, Collector<String> out) {
            out.emit(ctx.currentKey() + ":timer@" + ctx.timestampMillis());
        }
    }

    @Test
    void keyedFunctionKeepsStatePerKeyAndFiresEventTimeTimers() {
        Pipeline p = Pipeline.create("keyed");
        CollectSink<String> out = new CollectSink<>();
        p.source("in", CollectionSource.of(String.class, List.of(Event.of("a", 1), Event.of("b", 2), Event.of("a", 3))),
                        WatermarkStrategy.<String>monotonous().withPerEventEmission())
                .keyBy("by", v -> v).process("count", new RunningCount()).sink("out", out);
        new LocalEngine(new ManualClock(0)).run(p.graph());
        assertThat(out.values()).containsExactly("a=1", "b=1", "a=2", "a:timer@11", "b:timer@12", "a:timer@13");
    }

    @Test
    void unionWatermarkIsMinimumOfInputsAndIdlePartitionDoesNotHoldItBack() {
        // Partition 1 has one early event and then nothing: with idleness it must not hold back the watermark.
        ManualClock clock = new ManualClock(0);
        Pipeline p = Pipeline.create("idle");
        CollectSink<WindowResult<String, Long>> out = new CollectSink<>();
        var source = new dev.weir.runtime.source.Source<String>() {
            public int partitions() { return 2; }
            public Class<String> type() { return String.class; }
            public dev.weir.runtime.source.SourceReader<String> createReader(int partition) {
                return new dev.weir.runtime.source.SourceReader<>() {
                    long next;
                    public dev.weir.runtime.source.ReadStatus poll(dev.weir.runtime.source.RecordSink<String> sink, int max) {
                        clock.advanceBy(10);
                        if (partition == 1) {
                            if (next++ == 0) {
                                sink.record("k", 0, dev.weir.api.event.Headers.EMPTY);
                                return dev.weir.runtime.source.ReadStatus.MORE;
                            }
                            return next > 2000 ? dev.weir.runtime.source.ReadStatus.END_OF_INPUT
                                    : dev.weir.runtime.source.ReadStatus.NOTHING_AVAILABLE;
                        }
                        if (next >= 1000) {
                            return next++ > 2000 ? dev.weir.runtime.source.ReadStatus.END_OF_INPUT
                                    : dev.weir.runtime.source.ReadStatus.NOTHING_AVAILABLE;
                        }
                        sink.record("k", next * 100, dev.weir.api.event.Headers.EMPTY);
                        next++;
                        return dev.weir.runtime.source.ReadStatus.MORE;
                    }
                };
            }
        };
        p.source("in", source, WatermarkStrategy.<String>boundedOutOfOrderness(Duration.ZERO)
                        .withIdleness(Duration.ofMillis(500)).withPeriodicEmission(Duration.ofMillis(10)))
                .keyBy("by", v -> v).window(TumblingWindows.of(Duration.ofSeconds(10))).aggregate("count", new Count<>())
                .sink("out", out);
        new LocalEngine(clock, 1).run(p.graph());
        // Windows fired while partition 1 was idle and partition 0 still running are ON_TIME before end of input.
        assertThat(out.values().stream().mapToLong(WindowResult::value).sum()).isEqualTo(1001);
        assertThat(out.values()).hasSizeGreaterThan(5);
        assertThat(out.events().get(0).timestampMillis()).isEqualTo(9_999);
    }

    private static List<String> joinBySourcePartitions(int leftPartitions, int rightPartitions) {
        Pipeline p = Pipeline.create("co-partitioned");
        var left = p.source("left", new dev.weir.runtime.source.GeneratorSource<>(Long.class, 200, leftPartitions,
                        i -> i, (v, i) -> i * 10), WatermarkStrategy.<Long>monotonous())
                .keyBy("left-by-mod", v -> v % 7, dev.weir.runtime.graph.KeyPartitioning.sourcePartitions());
        var right = p.source("right", new dev.weir.runtime.source.GeneratorSource<>(Long.class, 200, rightPartitions,
                        i -> i, (v, i) -> i * 10), WatermarkStrategy.<Long>monotonous())
                .keyBy("right-by-mod", v -> v % 7, dev.weir.runtime.graph.KeyPartitioning.sourcePartitions());
        CollectSink<String> out = new CollectSink<>();
        left.intervalJoin(right).between(Duration.ZERO, Duration.ZERO)
                .process("join", (Long l, Long r, dev.weir.api.function.FunctionContext ctx, Collector<String> c) ->
                        c.emit(l + "=" + r))
                .sink("out", out);
        new LocalEngine().run(p.graph());
        return out.events().stream().map(Event::value).sorted().toList();
    }

    @Test
    void aJoinOfStreamsBySourcePartitionsNeedsSourcesWithTheSamePartitionCount() {
        assertThat(joinBySourcePartitions(4, 4)).as("each value meets itself: same key, same timestamp").hasSize(200)
                .contains("0=0", "199=199");
        assertThatThrownBy(() -> joinBySourcePartitions(4, 6))
                .isInstanceOf(dev.weir.runtime.graph.PipelineValidationException.class)
                .hasMessage("node 'join': its keyed inputs put keys into key groups differently "
                        + "(KafkaPartitionKeyGroups(4 partitions onto 128 key groups), KafkaPartitionKeyGroups(6 "
                        + "partitions onto 128 key groups)); join streams whose sources have the same number of "
                        + "partitions");
    }
}
