package dev.weir.runtime.task;

import dev.weir.api.event.Headers;
import dev.weir.api.function.KeySelector;
import dev.weir.runtime.kafka.KafkaHeaders;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.state.KeyGroups;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The upstream end of a shuffle: sends each record to the shuffle topic's partition of the task that owns its
 * key's key group, and sends this task's watermark, idleness and end of input as control records to every
 * partition, so each downstream task can take the minimum over all writers. A stop-with-savepoint ends its run with a
 * {@linkplain #sendBarrier barrier} to every partition, after which it sends nothing more. What goes to this task's own
 * partition takes the {@link LocalShuffleChannel} instead of Kafka.
 */
final class ShuffleSink implements Sink<Object> {
    private final String topic;
    private final TaskId task;
    private final KeySelector<Object, Object> keySelector;
    private final int numberOfKeyGroups;
    private final TaskProducer producer;
    private final java.util.function.Supplier<ShuffleCodec> codecs;
    private final LocalShuffleChannel local;
    private Writer writer;
    private boolean barrierSent;
    /** A batch is sent when it reaches this size (or at the next batch boundary of the engine, or control record). */
    static final int MAX_BATCH_BYTES = 8 << 10;

    @SuppressWarnings("unchecked")
    ShuffleSink(String topic, TaskId task, KeySelector<?, ?> keySelector, int numberOfKeyGroups, TaskProducer producer,
                java.util.function.Supplier<ShuffleCodec> codecs,
                LocalShuffleChannel local) {
        this.topic = topic;
        this.task = task;
        this.keySelector = (KeySelector<Object, Object>) keySelector;
        this.numberOfKeyGroups = numberOfKeyGroups;
        this.producer = producer;
        this.codecs = codecs;
        this.local = local;
    }

    @Override
    public SinkWriter<Object> createWriter() {
        if (writer != null) {
            throw new IllegalStateException("a shuffle sink has one writer per task");
        }
        writer = new Writer();
        return writer;
    }

    /**
     * Sends the savepoint barrier to every partition (engine thread, between batches): this task writes nothing more
     * to the shuffle in this run; watermarks and idleness are no longer sent, and a record would fail the task.
     */
    void sendBarrier(long savepointId) {
        if (!barrierSent) {
            barrierSent = true;
            if (writer != null) {
                writer.broadcast(ShuffleCodec.BARRIER, savepointId);
            }
        }
    }

    boolean barrierSent() {
        return barrierSent;
    }

    /**
     * Sends the records batched for other tasks (engine thread): at every batch boundary of the engine, before a
     * checkpoint's snapshot, so a snapshot never leaves records of this task in a batch.
     */
    void flush() {
        if (writer != null) {
            writer.flush();
        }
    }

    private final class Writer implements SinkWriter<Object> {
        private final ShuffleCodec codec = codecs.get();
        /** Per partition: records for that task not sent yet (null for this task's own). */
        private final ShuffleCodec.Batch[] batches = new ShuffleCodec.Batch[task.parallelism()];
        private long lastWatermark = Long.MIN_VALUE;

        Writer() {
            for (int p = 0; p < batches.length; p++) {
                batches[p] = p == task.index() ? null : codec.newBatch();
            }
        }

        @Override
        public void write(Object value, long timestampMillis, Headers headers) {
            if (barrierSent) {
                throw new IllegalStateException("a record reached shuffle " + topic + " after its savepoint barrier "
                        + "(a processing-time timer firing during a stop-with-savepoint?): " + value);
            }
            Object key = keySelector.key(value);
            if (key == null) {
                throw new IllegalArgumentException("key selector returned null for " + value);
            }
            int partition = KeyGroups.taskOf(KeyGroups.of(key, numberOfKeyGroups), numberOfKeyGroups,
                    task.parallelism());
            if (partition == task.index()) {
                local.data(value, timestampMillis, headers);
                return;
            }
            if (headers.isEmpty()) {
                ShuffleCodec.Batch batch = batches[partition];
                batch.add(timestampMillis, value);
                if (batch.bytes() >= MAX_BATCH_BYTES) {
                    send(partition);
                }
                return;
            }
            send(partition); // a record with headers goes alone, after what was batched before it
            producer.send(new ProducerRecord<>(topic, partition, null, null, codec.data(task.index(), timestampMillis, value),
                    KafkaHeaders.toKafka(headers)));
        }

        private void send(int partition) {
            ShuffleCodec.Batch batch = batches[partition];
            if (batch.count() > 0) {
                producer.send(new ProducerRecord<>(topic, partition, null, null, batch.take(task.index())));
            }
        }

        @Override
        public void flush() {
            for (int p = 0; p < batches.length; p++) {
                if (batches[p] != null) {
                    send(p);
                }
            }
        }

        @Override
        public void watermark(long watermarkMillis) {
            if (!barrierSent && watermarkMillis > lastWatermark) {
                lastWatermark = watermarkMillis;
                broadcast(ShuffleCodec.WATERMARK, watermarkMillis);
            }
        }

        @Override
        public void idle(boolean idle) {
            if (barrierSent) {
                return;
            }
            broadcast(idle ? ShuffleCodec.IDLE : ShuffleCodec.ACTIVE, 0);
        }

        @Override
        public void endOfInput() {
            if (barrierSent) {
                return;
            }
            broadcast(ShuffleCodec.END, 0);
        }

        /** @param valueMillis the watermark, or the savepoint id of a barrier; 0 for the other kinds */
        private void broadcast(byte kind, long valueMillis) {
            flush(); // a control record follows the records sent before it
            byte[] control = ShuffleCodec.control(kind, task.index(), valueMillis);
            for (int p = 0; p < task.parallelism(); p++) {
                if (p == task.index()) {
                    local.control(kind, valueMillis);
                } else {
                    producer.send(new ProducerRecord<>(topic, p, null, null, control));
                }
            }
        }
    }
}
