package dev.weir.runtime.task;

import dev.weir.api.event.Headers;
import dev.weir.runtime.kafka.KafkaHeaders;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The downstream end of a shuffle: this task's partition of the shuffle topic. Data records keep their event
 * timestamp and headers. Every upstream task ("writer") sends its watermark as control records; this partition's
 * watermark is the minimum over writers that are not idle ({@link ShuffleWriters}), handed to the engine as a
 * source-provided watermark. The partition ends when every writer has sent end of input. This task's own writer
 * does not go through Kafka: its records and control signals arrive on the {@link LocalShuffleChannel}, in its order.
 */
final class ShuffleSource implements Source<Object> {
    private final TopicPartition tp;
    private final int writers;
    private final TaskConsumer consumer;
    private final TaskReaders readers;
    private final java.util.function.Supplier<ShuffleCodec> codecs;
    private final LocalShuffleChannel local;
    private Reader reader;

    /** @param partition this task's partition of the topic, which is also this task's index as a writer */
    ShuffleSource(String topic, int partition, int writers, TaskConsumer consumer, TaskReaders readers,
                  java.util.function.Supplier<ShuffleCodec> codecs,
                LocalShuffleChannel local) {
        this.tp = new TopicPartition(topic, partition);
        this.writers = writers;
        this.consumer = consumer;
        this.readers = readers;
        this.codecs = codecs;
        this.local = local;
    }

    @Override
    public int partitions() {
        return 1;
    }

    @Override
    public SourceReader<Object> createReader(int partition) {
        reader = new Reader();
        return reader;
    }

    /**
     * Whether every writer sent the barrier of savepoint {@code savepointId} (or ended) and everything before it was
     * handed to the engine: the shuffle is drained for that savepoint.
     */
    boolean drainedFor(long savepointId) {
        return reader != null && reader.drainedFor(savepointId);
    }

    @Override
    public Class<Object> type() {
        return Object.class;
    }

    @Override
    public boolean drainedBySavepoint() {
        return true;
    }

    /** What a snapshot keeps of the writers: their latest watermark, idleness and whether they ended. */
    record WriterStates(long[] watermarks, boolean[] idle, boolean[] ended) {
    }

    private final class Reader extends TaskPartitionReader<Object> implements LocalShuffleChannel.Receiver {
        private final ShuffleCodec codec = codecs.get();
        private final ShuffleWriters writerStates = new ShuffleWriters(tp.toString(), writers);
        /** The engine's sink of this partition, known from the first poll on. */
        private RecordSink<Object> sink;

        Reader() {
            super(ShuffleSource.this.consumer, ShuffleSource.this.tp, ShuffleSource.this.readers);
            consumer.markShuffle(tp);
        }

        /** The first poll opens the local channel: from now on this task's own writer is delivered synchronously. */
        @Override
        protected void beforePoll(RecordSink<Object> sink) {
            if (this.sink == null) {
                this.sink = sink;
                local.open(this);
            }
        }

        @Override
        public void localData(Object value, long timestampMillis, Headers headers) {
            writerStates.data(tp.partition());
            sink.record(value, timestampMillis, headers);
        }

        @Override
        public void localControl(byte kind, long valueMillis) {
            control(kind, tp.partition(), valueMillis, sink);
        }

        @Override
        protected void seekToStart() {
            consumer.seekToBeginning(tp);
        }

        @Override
        protected boolean endReached(long consumerPosition) {
            return writerStates.allEnded();
        }

        @Override
        protected boolean endedByContent() {
            return writerStates.allEnded();
        }

        @Override
        protected void emit(ConsumerRecord<byte[], byte[]> r, RecordSink<Object> sink) {
            if (r.value()[0] == ShuffleCodec.DATA_BATCH) {
                writerStates.data(codec.readBatch(r.value(), (ts, value) -> sink.record(value, ts, Headers.EMPTY)));
                return;
            }
            ShuffleCodec.Decoded d = codec.decode(r.value());
            if (d.kind() == ShuffleCodec.DATA) {
                writerStates.data(d.writer());
                sink.record(d.value(), d.timestampMillis(), KafkaHeaders.toWeir(r));
            } else {
                control(d.kind(), d.writer(), d.watermarkMillis(), sink);
            }
        }

        private void control(byte kind, int w, long valueMillis, RecordSink<Object> sink) {
            if (writerStates.control(kind, w, valueMillis)) {
                sink.watermark(writerStates.watermark());
            }
        }

        boolean drainedFor(long savepointId) {
            return writerStates.drainedFor(savepointId);
        }

        @Override
        protected Object snapshotExtra() {
            if (local.waiting() > 0) {
                throw new IllegalStateException(tp + ": a snapshot before the first poll of the shuffle reader, with "
                        + local.waiting() + " records of this task's own writer not yet processed");
            }
            return writerStates.snapshot();
        }

        @Override
        protected void restoreExtra(Object extra) {
            writerStates.restore((WriterStates) extra);
        }
    }
}
