package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.nexmark.Checksum;
import dev.weir.bench.nexmark.NexmarkQuery;

/**
 * One Kafka-mode run.
 *
 * @param engine        the processor
 * @param query         the query
 * @param delivery      ALO or EOS
 * @param events        input records
 * @param consumeNanos  from the first to the last input record consumed
 * @param closeNanos    stopping the processor afterwards (the rest of the processing, the final commit)
 * @param peakHeapBytes the harness JVM's heap pools' peaks over the run (the processor runs in it)
 * @param peakRssBytes  the harness JVM's {@code VmHWM} over the run, -1 if unknown
 * @param checksum      of the committed output records
 */
public record KafkaRunRecord(KafkaEngine engine, NexmarkQuery query, Delivery delivery, long events, long consumeNanos,
                             long closeNanos, long peakHeapBytes, long peakRssBytes, Checksum checksum) {
    public double eventsPerSecond() {
        return events * 1e9 / consumeNanos;
    }
}
