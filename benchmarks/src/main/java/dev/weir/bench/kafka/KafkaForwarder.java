package dev.weir.bench.kafka;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

/**
 * The raw Kafka ceiling: a plain consume → produce loop with no Weir code, which any processor of this topology
 * must do at least. Each of {@code parallelism} tasks ({@link RawTask}: its own consumer, {@code assign()}ed to its
 * share of the partitions, its own producer, the mode's commit protocol) forwards each record unchanged (key,
 * value, timestamp) to the output topic, whose partition follows from the key as in the input.
 */
public final class KafkaForwarder implements Processor {
    @Override
    public Running start(ProcessorSpec spec, Progress progress) throws Exception {
        List<RawTask> tasks = new ArrayList<>();
        for (int t = 0; t < spec.parallelism(); t++) {
            tasks.add(new RawTask(spec, progress, t) {
                @Override
                protected void process(ConsumerRecords<byte[], byte[]> records) {
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        send(r.key(), r.value(), r.timestamp());
                    }
                }
            });
        }
        return TaskGroup.start("forwarder", tasks);
    }

    @Override
    public OutputCheck expectedOutputs(long inputs, DeliveryMode mode) {
        return mode == DeliveryMode.EXACTLY_ONCE ? OutputCheck.exactly(inputs, "input")
                : OutputCheck.atLeast(inputs, "input");
    }
}
