package dev.weir.bench.kafka;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of end-to-end latency, in milliseconds.
 *
 * @param count records measured
 */
public record LatencySummary(long count, double p50Millis, double p90Millis, double p99Millis, double p999Millis,
                             double maxMillis) {
    /** Largest latency the histograms track: 10 minutes, in microseconds. */
    static final long HIGHEST_MICROS = 600_000_000L;

    /** A histogram for latencies in microseconds, 3 significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** The summary of a histogram of latencies in microseconds. */
    public static LatencySummary ofMicros(Histogram h) {
        return new LatencySummary(h.getTotalCount(), millis(h, 50), millis(h, 90), millis(h, 99), millis(h, 99.9),
                h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1e3);
    }

    private static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e3;
    }
}
