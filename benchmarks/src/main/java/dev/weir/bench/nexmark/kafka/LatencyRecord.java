package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.kafka.InputLoader;
import dev.weir.bench.kafka.LatencySummary;
import dev.weir.bench.nexmark.Checksum;
import dev.weir.bench.nexmark.NexmarkQuery;

/**
 * One Kafka-mode latency run.
 *
 * @param engine     the processor
 * @param query      the query
 * @param delivery   ALO or EOS
 * @param events     input events (the end-of-input marks follow them)
 * @param warmup     the first events, written at once before the paced input; rows they enabled are not measured
 * @param rate       the paced input's target rate, records/s
 * @param paced      what the paced producer achieved
 * @param latency    latencies of the rows enabled by paced events (closed while the input runs), milliseconds
 * @param endOfInput latencies of the rows enabled by the first end-of-input mark (windows no event closed: the final
 *                   flush), milliseconds; not in {@code latency}
 * @param eventRate  the input's events per second of event time
 * @param checksum   of all output rows read
 * @param expected   the in-process result on the same events
 */
public record LatencyRecord(KafkaEngine engine, NexmarkQuery query, Delivery delivery, long events, long warmup,
                            double rate, InputLoader.Paced paced, LatencySummary latency, LatencySummary endOfInput,
                            long eventRate, Checksum checksum, Checksum expected) {
    /** The output held the in-process result. */
    public boolean sameResult() {
        return checksum.equals(expected);
    }

    /** Seconds of event time the paced events span. */
    public double pacedEventTimeSeconds() {
        return (double) (events - warmup) / eventRate;
    }

    /** Most milliseconds the paced producer fell behind its schedule. */
    public double maxInputBacklogMillis() {
        return paced.maxBacklog() * 1e3 / rate;
    }
}
