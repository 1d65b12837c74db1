package dev.weir.bench.nexmark;

import dev.weir.bench.kafka.ProcessMemory;

/**
 * The in-process measurement inside a forked JVM: warm-up runs on fewer events, then one measured run of a query
 * on an engine, from the generator straight into a checksumming sink, with peak heap and peak RSS over the measured
 * run.
 */
public final class InProcessRun {
    private InProcessRun() {
    }

    public static RunRecord measure(Engine engine, NexmarkQuery query, long events, long warmupEvents, int warmups)
            throws Exception {
        for (int i = 1; i <= warmups; i++) {
            RunClock.reset();
            engine.run(query, NexmarkGenerator.standard(warmupEvents), "warmup-" + i);
        }
        NexmarkGenerator generator = NexmarkGenerator.standard(events);
        ProcessMemory memory = new ProcessMemory();
        System.gc();
        memory.reset();
        RunClock.reset();
        long start = System.nanoTime();
        Checksum checksum = engine.run(query, generator, "measured");
        long jobNanos = System.nanoTime() - start;
        return new RunRecord(engine, query, events, RunClock.elapsedNanos(), jobNanos, memory.peakHeapBytes(),
                memory.peakRssBytes().orElse(-1), checksum);
    }
}
