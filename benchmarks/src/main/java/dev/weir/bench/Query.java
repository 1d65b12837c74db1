package dev.weir.bench;

import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The benchmark queries. All read the bid stream of one {@link BidGenerator} (one partition, bounded
 * out-of-orderness 1 s, periodic watermarks) and write to one sink; the windowed ones key by auction and count
 * per window with the built-in {@link Count} (a mutable {@code long[]} accumulator).
 */
public enum Query {
    /** source → sink: the per-event cost of source, timestamps, watermarks and the sink. */
    PASSTHROUGH("q-passthrough", Optional.empty(), OptionalLong.of(10_000_000), OptionalLong.empty()),
    /** Count per auction in 10 s tumbling windows. */
    TUMBLING("q-tumbling", Optional.of(TumblingWindows.of(Duration.ofSeconds(10))),
            OptionalLong.of(3_000_000), OptionalLong.of(1_200_000)),
    /** Count per auction in 10 s windows every 2 s: each bid is in 5 windows. */
    SLIDING("q-sliding", Optional.of(SlidingWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(2))),
            OptionalLong.of(2_000_000), OptionalLong.of(250_000)),
    /**
     * Count per auction session, gap {@link #SESSION_GAP}. An auction gets 10 bids per second of event time, so the
     * gaps between its bids are roughly exponential with a mean of 100 ms: a 500 ms gap closes a session at about
     * e^-5 = 0.7% of them, giving sessions of ~130 bids (~13 s; 77,035 at 10M bids), several per auction per run,
     * merged out of order.
     * (Below ~100 ms nearly every bid is its own session; from ~2 s on, every auction stays one session until the
     * end of input.)
     */
    SESSION("q-session", Optional.of(SessionWindows.withGap(Constants.SESSION_GAP)), OptionalLong.empty(),
            OptionalLong.empty());

    /** The bound of the watermark strategy; larger than the generator's 511 ms jitter, so nothing is late. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);
    /** Inactivity gap of {@link #SESSION}. */
    public static final Duration SESSION_GAP = Constants.SESSION_GAP;

    private final String id;
    private final Optional<WindowSpec> window;
    private final OptionalLong targetEventsPerSecond;
    private final OptionalLong flinkEventsPerSecond;

    Query(String id, Optional<WindowSpec> window, OptionalLong targetEventsPerSecond,
          OptionalLong flinkEventsPerSecond) {
        this.id = id;
        this.window = window;
        this.targetEventsPerSecond = targetEventsPerSecond;
        this.flinkEventsPerSecond = flinkEventsPerSecond;
    }

    /** The name used on the command line and in reports, e.g. {@code q-tumbling}. */
    public String id() {
        return id;
    }

    /** The windows counted per auction; empty for the pass-through query. */
    public Optional<WindowSpec> window() {
        return window;
    }

    /** The single-core throughput the engine should reach (from the benchmark issue). */
    public OptionalLong targetEventsPerSecond() {
        return targetEventsPerSecond;
    }

    /** Apache Flink 2.2 on the same workload, as quoted in the benchmark issue (not measured here). */
    public OptionalLong flinkEventsPerSecond() {
        return flinkEventsPerSecond;
    }

    /** Accepts {@code q-tumbling} or {@code tumbling}. */
    public static Query parse(String name) {
        String n = name.trim();
        return Arrays.stream(values())
                .filter(q -> q.id.equals(n) || q.id.equals("q-" + n))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown query '" + name + "', expected one of "
                        + Arrays.stream(values()).map(Query::id).toList()));
    }

    /**
     * The pipeline over bids {@code 0 .. events - 1} of {@code generator}. {@code sink} receives {@link Bid}s
     * (pass-through) or {@code WindowResult<Long, Long>}s (windowed queries).
     */
    public PipelineGraph graph(BidGenerator generator, long events, Sink<Object> sink) {
        Pipeline pipeline = Pipeline.create(id);
        DataStream<Bid> bids = pipeline.source("bids", generator.source(events), WatermarkStrategy
                .<Bid>boundedOutOfOrderness(OUT_OF_ORDERNESS)
                .withTimestampAssigner((bid, sourceTimestamp) -> bid.dateTimeMillis()));
        if (window.isEmpty()) {
            bids.sink("out", narrow(sink));
        } else {
            bids.keyBy("by-auction", Bid::auction)
                    .window(window.get())
                    .aggregate("count", new Count<Bid>())
                    .sink("out", narrow(sink));
        }
        return pipeline.graph();
    }

    /** A sink of {@code Object} accepts any {@code T}; {@code Sink} is invariant only because it is a Java interface. */
    @SuppressWarnings("unchecked")
    private static <T> Sink<T> narrow(Sink<Object> sink) {
        return (Sink<T>) (Sink<?>) sink;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Initialised before the enum constants that use it (an enum's own static fields come after them). */
    private static final class Constants {
        static final Duration SESSION_GAP = Duration.ofMillis(500);
    }
}
