package dev.weir.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.kafka.KafkaTestSupport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Back pressure of the task consumer on the real broker: a partition nobody drains is paused, not buffered. */
@Timeout(60)
class TaskConsumerIT {
    @Test
    void anUndrainedPartitionIsPausedAtQueueCapacityAndResumedWhenDrained() throws Exception {
        try (KafkaTestSupport kafka = new KafkaTestSupport()) {
            String topic = kafka.createTopic("weir-backpressure", 2);
            List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
            for (int i = 0; i < 40_000; i++) {
                records.add(new ProducerRecord<>(topic, i % 2, null, new byte[100]));
            }
            kafka.sendAll(records);
            try (TaskConsumer consumer = new TaskConsumer(KafkaTestSupport.BOOTSTRAP, "weir-it-backpressure",
                    "weir-it-backpressure", Map.of())) {
                TopicPartition slow = new TopicPartition(topic, 0);
                TopicPartition fast = new TopicPartition(topic, 1);
                ArrayDeque<ConsumerRecord<byte[], byte[]>> slowQueue = consumer.register(slow);
                ArrayDeque<ConsumerRecord<byte[], byte[]>> fastQueue = consumer.register(fast);
                consumer.seekToBeginning(slow);
                consumer.seekToBeginning(fast);
                int fastRead = 0;
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (fastRead < 20_000 && System.nanoTime() < deadline) {
                    consumer.fetch();
                    int taken = fastQueue.size();
                    fastRead += taken;
                    fastQueue.clear(); // the fast partition's reader keeps up
                    consumer.drained(fast, taken, 0);
                    Thread.sleep(1);
                }
                assertThat(fastRead).as("the drained partition is read to its end").isEqualTo(20_000);
                assertThat(slowQueue.size()).as("the undrained partition stops at its queue capacity")
                        .isGreaterThanOrEqualTo(TaskConsumer.QUEUE_CAPACITY)
                        .isLessThan(TaskConsumer.QUEUE_CAPACITY + 4_096);
                int before = slowQueue.size();
                for (int i = 0; i < 50; i++) {
                    consumer.fetch();
                    Thread.sleep(2);
                }
                assertThat(slowQueue.size()).as("paused: no more records buffered").isEqualTo(before);

                int taken = slowQueue.size();
                slowQueue.clear();
                consumer.drained(slow, taken, 0);
                deadline = System.nanoTime() + 10_000_000_000L;
                while (slowQueue.isEmpty() && System.nanoTime() < deadline) {
                    consumer.fetch();
                    Thread.sleep(1);
                }
                assertThat(slowQueue).as("resumed after draining").isNotEmpty();
            }
        }
    }
}
