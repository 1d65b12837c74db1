package dev.weir.bench.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;

/**
 * The consumer-only ceiling: {@code parallelism} consumers, each {@code assign()}ed to its share of the partitions,
 * poll and count, writing nothing and committing nothing (the fetcher has already copied each value into its own
 * array). The mode only picks the isolation level ({@code read_committed} for EOS).
 */
public final class KafkaConsumeOnly implements Processor {
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(50);

    @Override
    public Running start(ProcessorSpec spec, Progress progress) throws Exception {
        List<TaskGroup.Task> tasks = new ArrayList<>();
        for (int t = 0; t < spec.parallelism(); t++) {
            int task = t;
            tasks.add(new TaskGroup.Task() {
                private KafkaConsumer<byte[], byte[]> consumer;

                @Override
                public void setUp() {
                    consumer = KafkaClients.consumer(spec.bootstrap(), null,
                            spec.mode() == DeliveryMode.EXACTLY_ONCE ? IsolationLevel.READ_COMMITTED
                                    : IsolationLevel.READ_UNCOMMITTED);
                    consumer.assign(KafkaClients.share(spec.inputTopic(), spec.partitions(), task,
                            spec.parallelism()));
                    consumer.seekToBeginning(consumer.assignment());
                }

                @Override
                public void poll() {
                    progress.consumed(consumer.poll(POLL_TIMEOUT).count());
                }

                @Override
                public void finish(boolean failed) {
                    if (consumer != null) {
                        consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
                    }
                }
            });
        }
        return TaskGroup.start("consume-only", tasks);
    }

    @Override
    public OutputCheck expectedOutputs(long inputs, DeliveryMode mode) {
        return OutputCheck.none();
    }

    @Override
    public boolean writesOutput() {
        return false;
    }
}
