package dev.weir.bench.nexmark;

import java.util.Comparator;
import java.util.List;

/**
 * The measured runs of one query on one engine (one per round).
 *
 * @param query  the query
 * @param engine the engine
 * @param runs   its runs, at least one
 */
public record QueryResults(NexmarkQuery query, Engine engine, List<RunRecord> runs) {
    public double medianEventsPerSecond() {
        return median(runs.stream().mapToDouble(RunRecord::eventsPerSecond).sorted().toArray());
    }

    public double minEventsPerSecond() {
        return runs.stream().mapToDouble(RunRecord::eventsPerSecond).min().orElseThrow();
    }

    public double maxEventsPerSecond() {
        return runs.stream().mapToDouble(RunRecord::eventsPerSecond).max().orElseThrow();
    }

    /** Median seconds of the whole engine call, start-up included. */
    public double medianJobSeconds() {
        return median(runs.stream().mapToDouble(r -> r.jobNanos() / 1e9).sorted().toArray());
    }

    public long maxPeakHeapBytes() {
        return runs.stream().mapToLong(RunRecord::peakHeapBytes).max().orElseThrow();
    }

    /** The largest peak RSS of the runs, -1 if unknown. */
    public long maxPeakRssBytes() {
        return runs.stream().mapToLong(RunRecord::peakRssBytes).max().orElseThrow();
    }

    public long events() {
        return runs.get(0).events();
    }

    /** The checksum of the first run; see {@link #consistent()}. */
    public Checksum checksum() {
        return runs.get(0).checksum();
    }

    /** Whether every run gave the same checksum. */
    public boolean consistent() {
        return runs.stream().map(RunRecord::checksum).distinct().count() == 1;
    }

    /** The run with the median rate (for the CSV). */
    public RunRecord medianRun() {
        List<RunRecord> sorted = runs.stream().sorted(Comparator.comparingDouble(RunRecord::eventsPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
