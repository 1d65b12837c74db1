package dev.weir.bench.kafka;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything one benchmark run measured.
 *
 * @param producer   the input load: the producer-only ceiling
 * @param throughput consumer-only, raw consume → produce and subject runs, in the order they ran
 * @param latency    latency runs, in the order they ran
 */
public record KafkaResults(ThroughputResult producer, List<ThroughputResult> throughput, List<LatencyResult> latency) {
    public static final String PRODUCER_ONLY = "producer only (input load)";
    public static final String CONSUMER_ONLY = "consumer only";
    public static final String RAW_FORWARD = "raw consume→produce";

    public KafkaResults {
        throughput = List.copyOf(throughput);
        latency = List.copyOf(latency);
    }

    /** The fastest run of {@code subject} in {@code mode} (over the parallelisms measured). */
    public Optional<ThroughputResult> best(String subject, DeliveryMode mode) {
        return throughput.stream().filter(r -> r.subject().equals(subject) && r.mode() == mode)
                .max(Comparator.comparingDouble(ThroughputResult::recordsPerSecond));
    }

    /** The latency run of {@code subject} in {@code mode} at {@code fraction} of its best throughput. */
    public Optional<LatencyResult> latency(String subject, DeliveryMode mode, double fraction) {
        return latency.stream().filter(r -> r.subject().equals(subject) && r.mode() == mode
                && r.fraction() == fraction).findFirst();
    }

    public boolean outputsOk() {
        return throughput.stream().allMatch(ThroughputResult::outputOk)
                && latency.stream().allMatch(LatencyResult::outputOk);
    }
}
