package dev.weir.bench.state;

import dev.weir.api.window.TumblingWindows;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.source.GeneratorSource;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The throughput workload: a keyed count in one event-time tumbling window that holds every key, so all
 * {@code keys} keys are live at once (the state is as large as the key space), written to a counting sink.
 * <ul>
 *   <li>Event {@code i} has key {@code permute(i mod keys)}: a multiplicative permutation of {@code [0, keys)}
 *       ({@code j * multiplier mod keys} with a multiplier coprime to {@code keys}), so consecutive events hit keys
 *       spread over the whole key space and every key occurs {@code events / keys} times (± 1).</li>
 *   <li>Event time: {@link #BASE_MILLIS} + {@code i} × {@link #SPAN_MILLIS} / {@code events}, plus a jitter in
 *       {@code [0, 255]} ms, so every event falls into the one {@link #WINDOW} window starting at
 *       {@link #BASE_MILLIS}; the watermark's bound ({@link #OUT_OF_ORDERNESS}) exceeds the jitter, so nothing is
 *       late. The window fires at the end of input: one result per key.</li>
 * </ul>
 */
public final class KeyedCountWorkload implements GeneratorSource.Generator<StateEvent> {
    /** 2025-01-01T00:00:00Z, aligned to the window. */
    public static final long BASE_MILLIS = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
    /** The tumbling window size. */
    public static final Duration WINDOW = Duration.ofSeconds(60);
    /** Event time covered by the events (before jitter): less than the window. */
    public static final long SPAN_MILLIS = 50_000;
    public static final long MAX_JITTER_MILLIS = 255;
    public static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(1);

    private final long keys;
    private final long events;
    private final long multiplier;
    /** Index of the last generated event + 1, published for the progress sampler (lazily: it is only a gauge). */
    private final AtomicLong generated = new AtomicLong();
    /** {@link System#nanoTime()} when the last event of each quarter of the input was generated, 0 until then. */
    private final AtomicLongArray quarterEnds = new AtomicLongArray(QUARTERS);
    private int nextQuarter;
    private long nextQuarterEnd;
    /** The input is split into this many slices for the rate over time. */
    public static final int QUARTERS = 4;

    public KeyedCountWorkload(long keys, long events) {
        if (keys < 1 || keys > Integer.MAX_VALUE || events < 1) {
            throw new IllegalArgumentException("keys must be in [1, 2^31) and events >= 1");
        }
        this.keys = keys;
        this.events = events;
        this.multiplier = coprimeMultiplier(keys);
        this.nextQuarterEnd = quarterEnd(0);
    }

    /** Index + 1 of the last event of quarter {@code q}. */
    private long quarterEnd(int q) {
        return events * (q + 1) / QUARTERS;
    }

    /** A large odd multiplier coprime to {@code n}: {@code j -> j * m mod n} is then a permutation. */
    static long coprimeMultiplier(long n) {
        long m = 2_654_435_761L % n; // Knuth's multiplicative-hash constant, prime
        if (m == 0) {
            m = 1;
        }
        while (gcd(m, n) != 1) {
            m++;
        }
        return m;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    /** The key of event {@code index}. */
    public long key(long index) {
        return index % keys * multiplier % keys; // both factors < 2^31: no overflow
    }

    /** The event time of event {@code index}. */
    public long timeMillis(long index) {
        long jitter = mix(index) & MAX_JITTER_MILLIS;
        return BASE_MILLIS + (long) ((double) index * SPAN_MILLIS / events) + jitter;
    }

    @Override
    public StateEvent generate(long index) {
        generated.lazySet(index + 1);
        if (index + 1 >= nextQuarterEnd && nextQuarter < QUARTERS) {
            long now = System.nanoTime();
            while (nextQuarter < QUARTERS && index + 1 >= nextQuarterEnd) {
                quarterEnds.set(nextQuarter++, now);
                nextQuarterEnd = nextQuarter < QUARTERS ? quarterEnd(nextQuarter) : Long.MAX_VALUE;
            }
        }
        return new StateEvent(key(index), timeMillis(index));
    }

    /**
     * How long each quarter of the input took to generate (and so to process: the engine pushes each event through
     * the whole chain before it generates the next), from {@code startNanos}; -1 for a quarter not finished.
     */
    public long[] quarterNanos(long startNanos) {
        long[] out = new long[QUARTERS];
        long previous = startNanos;
        for (int q = 0; q < QUARTERS; q++) {
            long end = quarterEnds.get(q);
            out[q] = end == 0 ? -1 : end - previous;
            previous = end;
        }
        return out;
    }

    /** Events generated so far (a gauge, read from another thread). */
    public long generated() {
        return generated.get();
    }

    public long keys() {
        return keys;
    }

    public long events() {
        return events;
    }

    /** Results the pipeline emits: one per distinct key seen. */
    public long expectedOutputs() {
        return Math.min(keys, events);
    }

    /**
     * Source (one partition, bounded out-of-orderness) → key by {@link StateEvent#key()} → 60 s tumbling windows →
     * built-in count → {@code sink}.
     */
    public PipelineGraph graph(Sink<Object> sink) {
        Pipeline pipeline = Pipeline.create("state-keyed-count");
        pipeline.source("events", new GeneratorSource<>(StateEvent.class, events, 1, this,
                        (e, index) -> e.timeMillis()),
                        WatermarkStrategy.<StateEvent>boundedOutOfOrderness(OUT_OF_ORDERNESS)
                                .withTimestampAssigner((e, ts) -> e.timeMillis()))
                .keyBy("by-key", StateEvent::key)
                .window(TumblingWindows.of(WINDOW))
                .aggregate("count", new Count<StateEvent>())
                .sink("out", narrow(sink));
        return pipeline.graph();
    }

    @SuppressWarnings("unchecked")
    private static <T> Sink<T> narrow(Sink<Object> sink) {
        return (Sink<T>) (Sink<?>) sink;
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
