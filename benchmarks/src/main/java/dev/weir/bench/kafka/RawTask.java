package dev.weir.bench.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * One task of a hand-written Kafka processor: a consumer {@code assign()}ed to the task's share of the input
 * partitions, a producer, and the commit protocol of the mode; subclasses only say what a batch of input
 * produces ({@link #process}).
 * <ul>
 *   <li>ALO: idempotent {@code acks=all} producer; every commit interval, flush the producer, then
 *       {@code commitSync} the consumed offsets.</li>
 *   <li>EOS: transactional producer (one transactional id per task), {@code read_committed} consumer; every
 *       commit interval, {@code sendOffsetsToTransaction} and {@code commitTransaction}.</li>
 * </ul>
 */
abstract class RawTask implements TaskGroup.Task {
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(50);

    protected final ProcessorSpec spec;
    private final Progress progress;
    private final int task;
    private final boolean eos;
    private final long commitNanos;
    private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private final Callback onSent = (metadata, e) -> {
        if (e != null) {
            sendFailure.compareAndSet(null, e);
        }
    };
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> producer;
    private long nextCommit;

    RawTask(ProcessorSpec spec, Progress progress, int task) {
        this.spec = spec;
        this.progress = progress;
        this.task = task;
        this.eos = spec.mode() == DeliveryMode.EXACTLY_ONCE;
        this.commitNanos = spec.commitInterval().toNanos();
    }

    /** Handles a non-empty batch of input; writes output with {@link #send}. */
    protected abstract void process(ConsumerRecords<byte[], byte[]> records);

    protected final void send(byte[] key, byte[] value, long timestampMillis) {
        producer.send(new ProducerRecord<>(spec.outputTopic(), null, timestampMillis, key, value), onSent);
    }

    @Override
    public void setUp() {
        consumer = KafkaClients.consumer(spec.bootstrap(), spec.runId(),
                eos ? IsolationLevel.READ_COMMITTED : IsolationLevel.READ_UNCOMMITTED);
        consumer.assign(KafkaClients.share(spec.inputTopic(), spec.partitions(), task, spec.parallelism()));
        producer = KafkaClients.producer(spec.bootstrap(), eos ? spec.runId() + "-" + task : null,
                KafkaClients.LINGER_MS);
        if (eos) {
            producer.initTransactions();
            producer.beginTransaction();
        }
        nextCommit = System.nanoTime() + commitNanos;
    }

    @Override
    public void poll() throws Exception {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL_TIMEOUT);
        if (!records.isEmpty()) {
            progress.consumed(records.count());
            process(records);
            for (TopicPartition tp : records.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> part = records.records(tp);
                offsets.put(tp, new OffsetAndMetadata(part.get(part.size() - 1).offset() + 1));
            }
        }
        if (System.nanoTime() - nextCommit >= 0) {
            commit();
            if (eos) {
                producer.beginTransaction();
            }
            nextCommit = System.nanoTime() + commitNanos;
        }
    }

    private void commit() throws Exception {
        if (eos) {
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            }
            producer.commitTransaction();
        } else {
            producer.flush();
            Exception e = sendFailure.get();
            if (e != null) {
                throw new IllegalStateException("task " + task + ": a send failed", e);
            }
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets);
            }
        }
        offsets.clear();
    }

    @Override
    public void finish(boolean failed) throws Exception {
        try {
            if (producer != null && consumer != null) {
                if (!failed) {
                    commit();
                } else if (eos) {
                    producer.abortTransaction();
                }
            }
        } finally {
            if (producer != null) {
                producer.close(Duration.ofSeconds(30));
            }
            if (consumer != null) {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(10)));
            }
        }
    }
}
