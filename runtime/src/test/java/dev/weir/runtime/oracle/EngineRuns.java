package dev.weir.runtime.oracle;

import dev.weir.api.event.Event;
import dev.weir.api.function.JoinFunction;
import dev.weir.api.function.OutputTag;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.Trigger;
import dev.weir.api.window.WindowResult;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.KeyPartitioning;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.KeyedStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.pipeline.WindowedStream;
import dev.weir.runtime.sink.CollectSink;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.List;

/** Runs a script through a real pipeline on {@link LocalEngine} and collects what the sinks received. */
final class EngineRuns {
    private static final OutputTag<Ev> LATE = OutputTag.of("late", Ev.class);

    private EngineRuns() {
    }

    /**
     * What a window pipeline emitted.
     *
     * @param results main output with timestamps, in emission order
     * @param late    the late-data side output with timestamps
     */
    record WindowRun<O>(List<Event<Void, O>> results, List<Event<Void, Ev>> late) {
    }

    /** {@code script -> keyBy(key) -> window(spec) with lateness -> aggregate(function)}, late data to a side output. */
    static <A, R> WindowRun<WindowResult<Integer, R>> aggregate(Script script, WindowSpec spec, long latenessMillis,
                                                               AggregateFunction<Ev, A, R> function) {
        Pipeline p = Pipeline.create("window-aggregate-oracle");
        DataStream<WindowResult<Integer, R>> out = windowed(p, script, spec, latenessMillis).aggregate("aggregate", function);
        return run(p, out);
    }

    /**
     * Like {@link #aggregate(Script, WindowSpec, long, AggregateFunction)} with the key-by's {@code partitioning}
     * (one task owns every key group either way; the state is filed under other key groups).
     */
    static <A, R> WindowRun<WindowResult<Integer, R>> aggregate(Script script, WindowSpec spec, long latenessMillis,
                                                               KeyPartitioning partitioning,
                                                               AggregateFunction<Ev, A, R> function) {
        Pipeline p = Pipeline.create("window-aggregate-oracle");
        DataStream<WindowResult<Integer, R>> out = windowed(p, script, spec, latenessMillis, partitioning)
                .aggregate("aggregate", function);
        return run(p, out);
    }

    /** Like {@link #aggregate(Script, WindowSpec, long, AggregateFunction)} with an explicit trigger. */
    static <A, R> WindowRun<WindowResult<Integer, R>> aggregate(Script script, WindowSpec spec, long latenessMillis,
                                                               Trigger trigger, AggregateFunction<Ev, A, R> function) {
        Pipeline p = Pipeline.create("window-aggregate-oracle");
        DataStream<WindowResult<Integer, R>> out = windowed(p, script, spec, latenessMillis).trigger(trigger)
                .aggregate("aggregate", function);
        return run(p, out);
    }

    /** Like {@link #aggregate} with {@link ContentsFunction} as a process window function. */
    static WindowRun<Contents> contents(Script script, WindowSpec spec, long latenessMillis) {
        Pipeline p = Pipeline.create("window-process-oracle");
        DataStream<Contents> out = windowed(p, script, spec, latenessMillis).process("contents", new ContentsFunction());
        return run(p, out);
    }

    /**
     * Splits the script into left and right by {@link JoinOracle#isLeft} (two filters of one source, so one
     * watermark sequence), keys both by {@link Ev#key()} and interval-joins them. Outputs carry the matched ids.
     */
    static List<Event<Void, JoinOracle.Match>> intervalJoin(Script script, long lowerMillis, long upperMillis) {
        Pipeline p = Pipeline.create("interval-join-oracle");
        DataStream<Ev> all = p.source("script", script.source(), WatermarkStrategy.fromSource());
        KeyedStream<Integer, Ev> left = all.filter("left", JoinOracle::isLeft).keyBy("left-by-key", Ev::key);
        KeyedStream<Integer, Ev> right = all.filter("right", ev -> !JoinOracle.isLeft(ev)).keyBy("right-by-key", Ev::key);
        JoinFunction<Ev, Ev, JoinOracle.Match> ids = (l, r, ctx, out) -> out.emit(new JoinOracle.Match(l.id(), r.id(), 0));
        CollectSink<JoinOracle.Match> sink = new CollectSink<>();
        left.intervalJoin(right).between(Duration.ofMillis(lowerMillis), Duration.ofMillis(upperMillis))
                .process("join", ids)
                .sink("matches", sink);
        new LocalEngine().run(p.graph());
        return sink.events();
    }

    private static WindowedStream<Integer, Ev> windowed(Pipeline p, Script script, WindowSpec spec, long latenessMillis) {
        return windowed(p, script, spec, latenessMillis, KeyPartitioning.hash());
    }

    private static WindowedStream<Integer, Ev> windowed(Pipeline p, Script script, WindowSpec spec, long latenessMillis,
                                                        KeyPartitioning partitioning) {
        return p.source("script", script.source(), WatermarkStrategy.fromSource())
                .keyBy("by-key", Ev::key, partitioning)
                .window(spec)
                .allowedLateness(Duration.ofMillis(latenessMillis))
                .lateDataTo(LATE);
    }

    private static <O> WindowRun<O> run(Pipeline p, DataStream<O> out) {
        CollectSink<O> results = new CollectSink<>();
        CollectSink<Ev> late = new CollectSink<>();
        out.sink("results", results);
        out.sideOutput(LATE).sink("late", late);
        new LocalEngine().run(p.graph());
        return new WindowRun<>(results.events(), late.events());
    }
}
