package dev.weir.runtime.watermark;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a source assigns event timestamps and generates watermarks, per partition.
 *
 * <pre>{@code
 * WatermarkStrategy.<Bid>boundedOutOfOrderness(Duration.ofSeconds(1))
 *     .withTimestampAssigner((bid, sourceTs) -> bid.dateTime())
 *     .withIdleness(Duration.ofSeconds(30));
 * }</pre>
 *
 * @param maxOutOfOrderness bound B: watermark = max timestamp seen - B - 1 ms
 * @param timestampAssigner where timestamps come from
 * @param idleTimeout       a partition with no data for this long (processing time) is idle and does not hold
 *                          back the watermark until data returns
 * @param emission          how often watermarks are emitted
 */
public record WatermarkStrategy<T>(Duration maxOutOfOrderness, TimestampAssigner<T> timestampAssigner,
                                   Optional<Duration> idleTimeout, Emission emission) {

    /** When a partition emits its watermark. */
    public sealed interface Emission {
        /** Every {@code interval} of processing time (default 200 ms), as Flink does. */
        record Periodic(Duration interval) implements Emission {
        }

        /** After every event: deterministic, more control traffic. */
        record PerEvent() implements Emission {
        }

        /** The source emits the watermarks itself ({@link dev.weir.runtime.source.RecordSink#watermark}). */
        record FromSource() implements Emission {
        }
    }

    public WatermarkStrategy {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        Objects.requireNonNull(timestampAssigner, "timestampAssigner");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(emission, "emission");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("maxOutOfOrderness must not be negative");
        }
    }

    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(200);

    public static <T> WatermarkStrategy<T> boundedOutOfOrderness(Duration bound) {
        return new WatermarkStrategy<>(bound, TimestampAssigner.fromSource(), Optional.empty(),
                new Emission.Periodic(DEFAULT_INTERVAL));
    }

    /**
     * Watermarks come from the source ({@link dev.weir.runtime.source.RecordSink#watermark}); timestamps are the
     * source's. For scripted test input and internal shuffle topics.
     */
    public static <T> WatermarkStrategy<T> fromSource() {
        return new WatermarkStrategy<>(Duration.ZERO, TimestampAssigner.fromSource(), Optional.empty(),
                new Emission.FromSource());
    }

    /** Whether watermarks come from the source instead of a generator. */
    public boolean sourceProvided() {
        return emission instanceof Emission.FromSource;
    }

    /** For sources whose timestamps never decrease. */
    public static <T> WatermarkStrategy<T> monotonous() {
        return boundedOutOfOrderness(Duration.ZERO);
    }

    public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
        return new WatermarkStrategy<>(maxOutOfOrderness, assigner, idleTimeout, emission);
    }

    public WatermarkStrategy<T> withIdleness(Duration timeout) {
        return new WatermarkStrategy<>(maxOutOfOrderness, timestampAssigner, Optional.of(timeout), emission);
    }

    public WatermarkStrategy<T> withPeriodicEmission(Duration interval) {
        return new WatermarkStrategy<>(maxOutOfOrderness, timestampAssigner, idleTimeout, new Emission.Periodic(interval));
    }

    public WatermarkStrategy<T> withPerEventEmission() {
        return new WatermarkStrategy<>(maxOutOfOrderness, timestampAssigner, idleTimeout, new Emission.PerEvent());
    }

    /** A fresh generator for one partition. */
    public WatermarkGenerator createGenerator() {
        return new BoundedOutOfOrderness(maxOutOfOrderness.toMillis(), emission instanceof Emission.PerEvent);
    }
}
