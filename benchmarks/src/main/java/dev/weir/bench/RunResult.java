package dev.weir.bench;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one run of a query measured.
 *
 * @param query          the query run
 * @param warmup         whether this was a warm-up run (not reported)
 * @param iteration      1-based number among the warm-up or the measured runs
 * @param events         bids read
 * @param nanos          wall time of the engine run
 * @param allocatedBytes bytes allocated by the engine thread during the run
 * @param peakHeapBytes  sum over heap memory pools of their peak usage during the run
 * @param liveHeapBytes  the most heap left in use after any collection during the run (what the run keeps
 *                       alive, sampled at each GC); empty if no collection happened
 * @param gcCount        collections during the run, all collectors
 * @param gcMillis       time spent in them, as the collectors report it
 * @param outputs        results counted by the sink
 */
public record RunResult(Query query, boolean warmup, int iteration, long events, long nanos, long allocatedBytes,
                        long peakHeapBytes, OptionalLong liveHeapBytes, long gcCount, long gcMillis, long outputs) {

    /** Prefix of the line a forked benchmark JVM prints per run. */
    static final String LINE_PREFIX = "@weir-bench-run";

    public double eventsPerSecond() {
        return events * 1e9 / nanos;
    }

    public double allocatedBytesPerEvent() {
        return events == 0 ? 0 : (double) allocatedBytes / events;
    }

    public double seconds() {
        return nanos / 1e9;
    }

    /** One line for the parent process to {@linkplain #parseLine parse}. */
    String toLine() {
        return String.join(" ", LINE_PREFIX, query.id(), Boolean.toString(warmup), Integer.toString(iteration),
                Long.toString(events), Long.toString(nanos), Long.toString(allocatedBytes),
                Long.toString(peakHeapBytes), liveHeapBytes.isPresent() ? Long.toString(liveHeapBytes.getAsLong()) : "-", Long.toString(gcCount),
                Long.toString(gcMillis), Long.toString(outputs));
    }

    /** The result a line of {@link #toLine()} holds, or empty for any other line. */
    static Optional<RunResult> parseLine(String line) {
        String[] f = line.trim().split(" ");
        if (f.length != 12 || !f[0].equals(LINE_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(new RunResult(Query.parse(f[1]), Boolean.parseBoolean(f[2]), Integer.parseInt(f[3]),
                Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]),
                f[8].equals("-") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(f[8])), Long.parseLong(f[9]), Long.parseLong(f[10]), Long.parseLong(f[11])));
    }

    /** A one-line human summary for progress output. */
    String summary() {
        return String.format(java.util.Locale.ROOT, "%s %s %d: %.2f s, %s events/s, %.1f B/event, peak heap %d MB "
                        + "(live after GC %s MB), %d GCs (%d ms), %d outputs", query.id(), warmup ? "warm-up" : "run", iteration,
                seconds(), Format.rate(eventsPerSecond()), allocatedBytesPerEvent(), Format.mebibytes(peakHeapBytes),
                Format.mebibytes(liveHeapBytes), gcCount, gcMillis, outputs);
    }
}
