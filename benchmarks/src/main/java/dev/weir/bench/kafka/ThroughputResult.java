package dev.weir.bench.kafka;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One throughput run of a processor over the pre-loaded input.
 *
 * @param subject       what ran, e.g. {@code raw consume→produce}
 * @param mode          delivery mode
 * @param parallelism   tasks
 * @param records       input records consumed
 * @param nanos         from the first to the last input record consumed
 * @param closeNanos    closing the processor afterwards (final flush and commit)
 * @param outputs       output records found after the close; empty if the processor writes none
 * @param check         what the output had to hold
 * @param peakHeapBytes peak heap of the benchmark JVM during the run (see {@link ProcessMemory})
 * @param peakRssBytes  peak RSS of the benchmark JVM during the run, if Linux let it be reset
 * @param cpu           CPU use while consuming, if /proc could be read
 */
public record ThroughputResult(String subject, DeliveryMode mode, int parallelism, long records, long nanos,
                               long closeNanos, OptionalLong outputs, OutputCheck check, long peakHeapBytes,
                               OptionalLong peakRssBytes, Optional<CpuUse> cpu) {
    public double recordsPerSecond() {
        return records * 1e9 / nanos;
    }

    /** Value bytes per second, in MB (10^6 bytes). */
    public double megabytesPerSecond() {
        return recordsPerSecond() * EventCodec.EVENT_BYTES / 1e6;
    }

    public boolean outputOk() {
        return outputs.isEmpty() || check.accepts(outputs.getAsLong());
    }
}
