package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.kafka.ProcessMemory;
import dev.weir.bench.nexmark.Checksum;
import dev.weir.bench.nexmark.NexmarkQuery;
import java.util.concurrent.TimeUnit;

/** One measured Kafka-mode run: a fresh output topic, the processor from the input's beginning to its end, the output's checksum. */
public final class KafkaModeRun {
    private KafkaModeRun() {
    }

    public static KafkaRunRecord run(NexmarkTopics topics, String input, long events, KafkaEngine engine,
                                     NexmarkQuery query, Delivery delivery) throws Exception {
        String output = topics.output(query.id() + "-" + engine.id() + "-" + delivery.id());
        ConsumedCounter counter = new ConsumedCounter(events);
        ProcessMemory memory = new ProcessMemory();
        System.gc();
        memory.reset();
        KafkaEngine.Running running = engine.start(query, delivery, topics.bootstrap(), input, output, counter,
                KafkaEngine.InputEnd.END_OFFSETS);
        if (!counter.awaitAll(10, TimeUnit.MINUTES)) {
            running.close();
            throw new IllegalStateException(engine + " consumed only " + counter.count() + " of " + events
                    + " records of " + input + " in 10 min");
        }
        long closeStart = System.nanoTime();
        running.close();
        long closeNanos = System.nanoTime() - closeStart;
        long heap = memory.peakHeapBytes();
        long rss = memory.peakRssBytes().orElse(-1);
        Checksum checksum = topics.checksum(output, query);
        return new KafkaRunRecord(engine, query, delivery, events, counter.elapsedNanos(), closeNanos, heap, rss,
                checksum);
    }
}
