package dev.weir.bench.kafka;

import java.util.Optional;

/**
 * One latency run: input at a fixed rate, each record stamped with its send time, latency measured on the output.
 *
 * @param subject     what ran
 * @param mode        delivery mode
 * @param parallelism tasks
 * @param fraction    the input rate as a fraction of the processor's best throughput (at most the producer's)
 * @param targetRate  the input rate asked for, records/s
 * @param input       what the rate-limited producer achieved
 * @param outputs     output records read (all of them, warm-up included)
 * @param check       what the output had to hold
 * @param latency     latencies of the output records stamped after the warm-up
 * @param cpu         CPU use while the input was produced, if /proc could be read
 */
public record LatencyResult(String subject, DeliveryMode mode, int parallelism, double fraction, double targetRate,
                            InputLoader.Paced input, long outputs, OutputCheck check, LatencySummary latency,
                            Optional<CpuUse> cpu) {
    public boolean outputOk() {
        return check.accepts(outputs);
    }

    /** Most milliseconds the input producer was behind its schedule. */
    public double maxInputBacklogMillis() {
        return input.maxBacklog() * 1e3 / targetRate;
    }
}
