package dev.weir.bench;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * The measured runs of one query and what they add up to.
 *
 * @param query    the query
 * @param runs     measured runs (no warm-ups)
 * @param expected the brute-force output count, if it was computed
 */
public record QueryReport(Query query, List<RunResult> runs, OptionalLong expected) {
    public QueryReport {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no measured runs of " + query);
        }
        runs = List.copyOf(runs);
    }

    public double medianEventsPerSecond() {
        return median(runs.stream().mapToDouble(RunResult::eventsPerSecond).toArray());
    }

    public double bestEventsPerSecond() {
        return runs.stream().mapToDouble(RunResult::eventsPerSecond).max().orElseThrow();
    }

    public double medianAllocatedBytesPerEvent() {
        return median(runs.stream().mapToDouble(RunResult::allocatedBytesPerEvent).toArray());
    }

    public long maxPeakHeapBytes() {
        return runs.stream().mapToLong(RunResult::peakHeapBytes).max().orElseThrow();
    }

    /** The most heap left live after a collection, over all runs; empty if no run collected. */
    public OptionalLong maxLiveHeapBytes() {
        return runs.stream().map(RunResult::liveHeapBytes).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).max();
    }

    /** Bids per run. */
    public long events() {
        return runs.get(0).events();
    }

    public double meanGcCount() {
        return runs.stream().mapToLong(RunResult::gcCount).average().orElseThrow();
    }

    public double meanGcMillis() {
        return runs.stream().mapToLong(RunResult::gcMillis).average().orElseThrow();
    }

    /** The output count of the first run (all runs must agree, see {@link #outputsConsistent()}). */
    public long outputs() {
        return runs.get(0).outputs();
    }

    /** Whether every run emitted the same number of outputs, equal to the expected count if known. */
    public boolean outputsConsistent() {
        long first = outputs();
        boolean same = runs.stream().allMatch(r -> r.outputs() == first);
        return same && (expected.isEmpty() || expected.getAsLong() == first);
    }

    /** Whether the median meets the query's target; true if it has none. */
    public boolean meetsTarget() {
        return query.targetEventsPerSecond().isEmpty()
                || medianEventsPerSecond() >= query.targetEventsPerSecond().getAsLong();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
