package dev.weir.bench.nexmark;

import java.util.Optional;

/**
 * One measured run of a query on an engine, as a forked JVM reports it on one stdout line.
 *
 * @param engine         the engine
 * @param query          the query
 * @param events         input events
 * @param processingNanos from the first event generated to the end of input at the sink ({@link RunClock})
 * @param jobNanos       the whole engine call, start-up and shut-down included
 * @param peakHeapBytes  the sum of the heap pools' peaks over the run (garbage included)
 * @param peakRssBytes   {@code VmHWM} over the run (reset before it), or -1 if unknown
 * @param checksum       of the result rows
 */
public record RunRecord(Engine engine, NexmarkQuery query, long events, long processingNanos, long jobNanos,
                        long peakHeapBytes, long peakRssBytes, Checksum checksum) {
    private static final String PREFIX = "NEXMARK-RUN ";

    public double eventsPerSecond() {
        return events * 1e9 / processingNanos;
    }

    public String toLine() {
        return PREFIX + String.join(" ", engine.id(), query.id(), Long.toString(events),
                Long.toString(processingNanos), Long.toString(jobNanos), Long.toString(peakHeapBytes),
                Long.toString(peakRssBytes), checksum.toString());
    }

    /** The record on {@code line}, if it is one. */
    public static Optional<RunRecord> parseLine(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        return Optional.of(new RunRecord(Engine.parse(f[0]), NexmarkQuery.parse(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]),
                Checksum.parse(f[7])));
    }
}
