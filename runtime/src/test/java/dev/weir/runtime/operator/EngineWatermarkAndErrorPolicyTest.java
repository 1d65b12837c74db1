package dev.weir.runtime.operator;

import dev.weir.runtime.functions.Count;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.api.event.Headers;
import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.TimerContext;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.engine.JobResult;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.CollectSink;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.source.CollectionSource;
import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import dev.weir.runtime.testing.ScriptedSource;
import dev.weir.runtime.time.ManualClock;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Whole pipelines on {@link LocalEngine}: an idle source partition stops holding back the watermark and its
 * returning data behind the watermark is late; a union's watermark is the minimum of its inputs; the SKIP error
 * policy counts failures and goes on.
 */
class EngineWatermarkAndErrorPolicyTest {
    private static final long SECOND = 1_000;

    // ---- idleness ------------------------------------------------------------------------------------------------

    /** A step of a paced partition: a record, or one poll that finds nothing. */
    private record Step(String value, long ts) {
        static final Step WAIT = new Step(null, 0);
    }

    /**
     * Partitions that replay steps, one per poll; every poll moves the engine clock 5 ms, and every record read is
     * logged (before it is pushed downstream) to the log the sink also writes to.
     */
    private record PacedSource(ManualClock clock, List<List<Step>> parts, List<String> log) implements Source<String> {
        @Override
        public int partitions() {
            return parts.size();
        }

        @Override
        public Class<String> type() {
            return String.class;
        }

        @Override
        public SourceReader<String> createReader(int partition) {
            List<Step> steps = parts.get(partition);
            return new SourceReader<>() {
                private int next;

                @Override
                public ReadStatus poll(RecordSink<String> sink, int maxRecords) {
                    if (next == steps.size()) {
                        return ReadStatus.END_OF_INPUT;
                    }
                    clock.advanceBy(5);
                    Step s = steps.get(next++);
                    if (s == Step.WAIT) {
                        return ReadStatus.NOTHING_AVAILABLE;
                    }
                    log.add("read p" + partition + " " + s.value() + "@" + s.ts());
                    sink.record(s.value(), s.ts(), Headers.EMPTY);
                    return ReadStatus.MORE;
                }
            };
        }
    }

    private record LoggingSink<T>(List<String> log) implements Sink<T> {
        @Override
        public SinkWriter<T> createWriter() {
            return (value, ts, headers) -> log.add("out " + value);
        }
    }

    /**
     * Partition 0 reads one record per poll at 0 s, 1 s, ... 79 s. Partition 1 reads one record at 0.5 s, then has
     * nothing for 40 polls (200 ms of clock; idle after 100 ms), then returns with a record at 1.5 s, long behind the
     * watermark, and one at 40 s.
     */
    private static JobResult runWithAnIdlePartition(WatermarkStrategy<String> strategy, List<String> log) {
        ManualClock clock = new ManualClock(0);
        List<Step> p0 = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            p0.add(new Step("p0-" + i, i * SECOND));
        }
        List<Step> p1 = new ArrayList<>();
        p1.add(new Step("p1-early", 500));
        for (int i = 0; i < 40; i++) {
            p1.add(Step.WAIT);
        }
        p1.add(new Step("p1-behind", 1_500));
        p1.add(new Step("p1-current", 40 * SECOND));
        Pipeline p = Pipeline.create("idle-partition");
        p.source("in", new PacedSource(clock, List.of(p0, p1), log), strategy)
                .keyBy("by", v -> "k")
                .window(TumblingWindows.of(Duration.ofSeconds(10)))
                .aggregate("count", new Count<String>())
                .map("describe", r -> "[" + r.window().startMillis() + "," + r.window().endMillis() + ") n=" + r.value())
                .sink("out", new LoggingSink<>(log));
        return new LocalEngine(clock, 1).run(p.graph());
    }

    private static void assertWindowsFiredWhileIdleAndReturningDataWasLate(List<String> log, JobResult result) {
        assertThat(log).contains("out [0,10000) n=11");
        assertThat(log.indexOf("out [0,10000) n=11")).as("[0,10000) fired while partition 1 was idle")
                .isLessThan(log.indexOf("read p1 p1-behind@1500"));
        assertThat(log.indexOf("out [10000,20000) n=10")).isLessThan(log.indexOf("read p1 p1-behind@1500"));
        assertThat(result.lateDropped()).as("p1-behind@1500 arrived after [0,10000) fired").isEqualTo(1);
        assertThat(log).contains("out [40000,50000) n=11");
        assertThat(log.stream().filter(l -> l.startsWith("out ")).count()).isEqualTo(8);
    }

    @Test
    void windowsFireWhileAPartitionIsIdleAndItsReturningDataBehindTheWatermarkIsLate() {
        List<String> log = new ArrayList<>();
        JobResult result = runWithAnIdlePartition(WatermarkStrategy.<String>boundedOutOfOrderness(Duration.ZERO)
                .withPeriodicEmission(Duration.ofMillis(10)).withIdleness(Duration.ofMillis(100)), log);

        assertWindowsFiredWhileIdleAndReturningDataWasLate(log, result);
    }

    @Test
    void idlePartitionIsDetectedWithPerEventWatermarksToo() {
        List<String> log = new ArrayList<>();
        JobResult result = runWithAnIdlePartition(WatermarkStrategy.<String>boundedOutOfOrderness(Duration.ZERO)
                .withPerEventEmission().withIdleness(Duration.ofMillis(100)), log);

        assertWindowsFiredWhileIdleAndReturningDataWasLate(log, result);
    }

    // ---- union ---------------------------------------------------------------------------------------------------

    @Test
    void windowOverAUnionWaitsForTheSlowerInputsWatermark() {
        ScriptedSource<String> fast = ScriptedSource.of(String.class).element("fast", 1).watermark(100);
        ScriptedSource<String> slow = ScriptedSource.of(String.class)
                .element("slow", 2).watermark(3)
                .element("slow-but-on-time", 8).watermark(50)
                .element("slow-and-late", 9);
        Pipeline p = Pipeline.create("union");
        CollectSink<WindowResult<String, Long>> out = new CollectSink<>();
        DataStream<String> a = p.source("fast", fast, WatermarkStrategy.fromSource());
        DataStream<String> b = p.source("slow", slow, WatermarkStrategy.fromSource());
        a.union("both", b).keyBy("by", v -> "k").window(TumblingWindows.of(Duration.ofMillis(10)))
                .aggregate("count", new Count<String>()).sink("out", out);

        JobResult result = new LocalEngine(new ManualClock(0), 1).run(p.graph());

        assertThat(out.values()).extracting(r -> r.window().startMillis() + ":" + r.value())
                .as("slow-but-on-time@8 arrived after the fast input's watermark 100, before the slow one passed 9")
                .containsExactly("0:3");
        assertThat(result.lateDropped()).as("slow-and-late@9 arrived after the union's watermark 50").isEqualTo(1);
    }

    // ---- error policy --------------------------------------------------------------------------------------------

    private record KV(String key, int value) {
    }

    /** Running sum per key; fails on the value 3; its timer fails for key "b". */
    static final class FragileSum implements KeyedFunction<String, KV, String> {
        static final ValueStateDescriptor<Integer> SUM = ValueStateDescriptor.of("sum", Integer.class);

        @Override
        public void process(KV in, KeyedContext<String> ctx, Collector<String> out) {
            if (in.value() == 3) {
                throw new IllegalArgumentException("three");
            }
            ValueState<Integer> sum = ctx.state().value(SUM);
            sum.update(sum.valueOr(0) + in.value());
            ctx.timers().registerEventTimeTimer(Instant.ofEpochMilli(ctx.timestampMillis() + 100));
            out.emit(ctx.currentKey() + "=" + sum.value());
        }

        @Override
        public void onTimer(TimerContext<String> ctx, Collector<String> out) {
            if (ctx.currentKey().equals("b")) {
                throw new IllegalStateException("timer of b");
            }
            out.emit(ctx.currentKey() + ":done@" + ctx.timestampMillis());
        }
    }

    @Test
    void skipPolicyCountsEveryFailedInputAndTimerPerOperatorAndGoesOn() {
        Pipeline p = Pipeline.create("skip").options(PipelineOptions.defaults().withErrorPolicy(ErrorPolicy.SKIP));
        CollectSink<String> out = new CollectSink<>();
        List<Event<Void, String>> events = List.of(Event.of("a:1", 1), Event.of("a:x", 2), Event.of("b:2", 3),
                Event.of("a:3", 4), Event.of("b:bad", 5), Event.of("a:4", 6));
        p.source("in", CollectionSource.of(String.class, events), WatermarkStrategy.<String>monotonous().withPerEventEmission())
                .map("parse", s -> new KV(s.substring(0, 1), Integer.parseInt(s.substring(2))))
                .keyBy("by", KV::key)
                .process("sum", new FragileSum())
                .sink("out", out);

        JobResult result = new LocalEngine(new ManualClock(0)).run(p.graph());

        assertThat(out.values()).containsExactly("a=1", "b=2", "a=5", "a:done@101", "a:done@106");
        assertThat(result.metrics("parse").failed()).as("a:x and b:bad").isEqualTo(2);
        assertThat(result.metrics("sum").failed()).as("a:3 and b's timer").isEqualTo(2);
        assertThat(result.failed()).isEqualTo(4);
        assertThat(result.metrics("parse").recordsIn()).isEqualTo(6);
        assertThat(result.metrics("sum").recordsIn()).isEqualTo(4);
    }
}
