package dev.weir.bench.state;

import dev.weir.bench.state.StateBenchmarkOptions.Backend;
import dev.weir.bench.state.StateBenchmarkOptions.ThroughputSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one forked throughput run measured. Byte counts are -1 when unknown (e.g. native memory of a heap run).
 *
 * @param spec              backend and heap cap
 * @param status            how the run ended
 * @param events            events the run was given
 * @param processed         events the source had generated when the run ended (all of them if it completed)
 * @param nanos             wall time of {@code LocalEngine.run} (or until it failed)
 * @param ingestNanos       from the start to the first result (the window fires at the end of input), -1 if none
 * @param outputs           results written
 * @param peakHeapUsed      largest heap in use seen by the sampler (every 250 ms), garbage included
 * @param maxLiveAfterGc    largest heap in use right after a collection (from GC notifications)
 * @param peakRss           {@code VmHWM} of the forked JVM at the end
 * @param peakNative        largest RocksDB block-cache usage (memtables included) seen, -1 for heap runs
 * @param peakMemTables     largest memtable usage seen, -1 for heap runs
 * @param peakTableReaders  largest table-reader memory (outside the cache) seen, -1 for heap runs
 * @param peakDiskBytes     largest size of the database's files seen, -1 for heap runs
 * @param gcCount           collections during the run
 * @param gcMillis          collection time during the run
 * @param cpuNanos          CPU time of the forked JVM during the run (all threads: RocksDB's background threads too)
 * @param machineBusyNanos  busy time of all of the machine's CPUs during the run (so others' share is the
 *                          difference)
 * @param quarterNanos      time each quarter of the input took to process, -1 for quarters not reached
 * @param message           what went wrong, empty if nothing
 */
public record ThroughputResult(ThroughputSpec spec, Status status, long events, long processed, long nanos,
                               long ingestNanos, long outputs, long peakHeapUsed, long maxLiveAfterGc, long peakRss,
                               long peakNative, long peakMemTables, long peakTableReaders, long peakDiskBytes,
                               long gcCount, long gcMillis, long cpuNanos, long machineBusyNanos, List<Long> quarterNanos,
                               String message) {
    static final String TAG = "STATE-THROUGHPUT";

    /** How a run ended. */
    public enum Status {
        /** Every event processed, every window fired. */
        OK,
        /** An {@link OutOfMemoryError}. */
        OOM,
        /** Stopped by the child itself: nearly all of its recent time went to garbage collection. */
        GC_THRASH,
        /** Stopped by the child itself: its rate collapsed (a twentieth of its best, for a minute). */
        STALLED,
        /** Killed by the parent after the timeout. */
        TIMEOUT,
        /** Anything else. */
        FAILED
    }

    public ThroughputResult {
        message = message == null ? "" : message;
        quarterNanos = List.copyOf(quarterNanos);
    }

    /** Events per second over the whole run (ingest and firing), counting only processed events. */
    public double eventsPerSecond() {
        return nanos <= 0 ? 0 : processed * 1e9 / nanos;
    }

    /** Events per second until the first result: the ingest phase alone; NaN if no result came. */
    public double ingestEventsPerSecond() {
        return ingestNanos <= 0 ? Double.NaN : processed * 1e9 / ingestNanos;
    }

    /** Events per second in each quarter of the input (NaN for quarters not reached). */
    public List<Double> quarterRates() {
        int n = quarterNanos.size();
        return quarterNanos.stream().map(q -> q <= 0 ? Double.NaN : (events / (double) n) * 1e9 / q).toList();
    }

    /** Cores the forked JVM used on average; NaN if unknown. */
    public double cores() {
        return cpuNanos < 0 || nanos <= 0 ? Double.NaN : (double) cpuNanos / nanos;
    }

    /** Cores everything else on the machine used on average; NaN if unknown. */
    public double otherCores() {
        return cpuNanos < 0 || machineBusyNanos < 0 || nanos <= 0 ? Double.NaN
                : Math.max(0, (double) (machineBusyNanos - cpuNanos) / nanos);
    }

    String toLine() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("backend", spec.backend().id());
        f.put("heap", spec.heapBytes());
        f.put("status", status);
        f.put("events", events);
        f.put("processed", processed);
        f.put("nanos", nanos);
        f.put("ingestNanos", ingestNanos);
        f.put("outputs", outputs);
        f.put("peakHeapUsed", peakHeapUsed);
        f.put("maxLiveAfterGc", maxLiveAfterGc);
        f.put("peakRss", peakRss);
        f.put("peakNative", peakNative);
        f.put("peakMemTables", peakMemTables);
        f.put("peakTableReaders", peakTableReaders);
        f.put("peakDiskBytes", peakDiskBytes);
        f.put("gcCount", gcCount);
        f.put("gcMillis", gcMillis);
        f.put("cpuNanos", cpuNanos);
        f.put("machineBusyNanos", machineBusyNanos);
        f.put("quarterNanos", quarterNanos.stream().map(String::valueOf).collect(Collectors.joining(",")));
        f.put("message", message);
        return ResultLine.format(TAG, f);
    }

    static Optional<ThroughputResult> parseLine(String line) {
        return ResultLine.parse(TAG, line).map(f -> new ThroughputResult(
                new ThroughputSpec(Backend.parse(f.get("backend")), ResultLine.longField(f, "heap")),
                Status.valueOf(f.get("status")), ResultLine.longField(f, "events"),
                ResultLine.longField(f, "processed"), ResultLine.longField(f, "nanos"),
                ResultLine.longField(f, "ingestNanos"), ResultLine.longField(f, "outputs"),
                ResultLine.longField(f, "peakHeapUsed"), ResultLine.longField(f, "maxLiveAfterGc"),
                ResultLine.longField(f, "peakRss"), ResultLine.longField(f, "peakNative"),
                ResultLine.longField(f, "peakMemTables"), ResultLine.longField(f, "peakTableReaders"),
                ResultLine.longField(f, "peakDiskBytes"), ResultLine.longField(f, "gcCount"),
                ResultLine.longField(f, "gcMillis"), ResultLine.longField(f, "cpuNanos"),
                ResultLine.longField(f, "machineBusyNanos"), parseLongs(f.getOrDefault("quarterNanos", "")),
                f.getOrDefault("message", "")));
    }

    private static List<Long> parseLongs(String s) {
        return Arrays.stream(s.split(",")).filter(x -> !x.isEmpty()).map(Long::valueOf).toList();
    }
}
