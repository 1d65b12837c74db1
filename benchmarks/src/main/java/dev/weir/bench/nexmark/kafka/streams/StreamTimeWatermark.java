package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.NexmarkQuery;

/**
 * The watermark Weir and Flink would have at a Kafka Streams task's stream time (the largest record timestamp, event
 * time, the task has seen): {@code streamTime - OUT_OF_ORDERNESS - 1 ms}, as their bounded-out-of-orderness
 * generators. Everything at or before it has arrived (the generator's disorder is below the bound).
 */
final class StreamTimeWatermark {
    private StreamTimeWatermark() {
    }

    static long of(long streamTimeMillis) {
        return streamTimeMillis - NexmarkQuery.OUT_OF_ORDERNESS.toMillis() - 1;
    }
}
