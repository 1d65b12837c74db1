package dev.weir.runtime.task;

import dev.weir.api.event.Headers;
import dev.weir.runtime.kafka.KafkaHeaders;
import dev.weir.runtime.operator.Watermarks;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import dev.weir.runtime.watermark.WatermarkCombiner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The downstream end of a shuffle: this task's partition of the shuffle topic. Data records keep their event
 * timestamp and headers. Every upstream task ("writer") sends its watermark as control records; this partition's
 * watermark is the minimum over writers that are not idle ({@link WatermarkCombiner}), handed to the engine as a
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
        private final long[] watermarks = new long[writers];
        private final boolean[] idle = new boolean[writers];
        private final boolean[] ended = new boolean[writers];
        private WatermarkCombiner combiner = new WatermarkCombiner(writers);
        private int endedCount;
        /** Per writer: the id of the last savepoint barrier it sent (this run only; not part of snapshots). */
        private final long[] barriers = new long[writers];
        private final boolean[] barrierSeen = new boolean[writers];
        /** The engine's sink of this partition, known from the first poll on. */
        private RecordSink<Object> sink;
        /** What this task's own writer sent before the first poll, in order. */
        private java.util.ArrayDeque<Runnable> beforeFirstPoll = new java.util.ArrayDeque<>();

        Reader() {
            super(ShuffleSource.this.consumer, ShuffleSource.this.tp, ShuffleSource.this.readers);
            java.util.Arrays.fill(watermarks, Watermarks.UNKNOWN);
            local.connect(this);
            consumer.markShuffle(tp);
        }

        @Override
        protected void beforePoll(RecordSink<Object> sink) {
            if (this.sink == null) {
                this.sink = sink;
                java.util.ArrayDeque<Runnable> pending = beforeFirstPoll;
                beforeFirstPoll = null;
                pending.forEach(Runnable::run);
            }
        }

        @Override
        public void localData(Object value, long timestampMillis, Headers headers) {
            if (sink == null) {
                beforeFirstPoll.add(() -> localData(value, timestampMillis, headers));
                return;
            }
            data(tp.partition(), value, timestampMillis, headers, sink);
        }

        @Override
        public void localControl(byte kind, long valueMillis) {
            if (sink == null) {
                beforeFirstPoll.add(() -> localControl(kind, valueMillis));
                return;
            }
            control(kind, tp.partition(), valueMillis, sink);
        }

        @Override
        protected void seekToStart() {
            consumer.seekToBeginning(tp);
        }

        @Override
        protected boolean endReached(long consumerPosition) {
            return endedCount == writers;
        }

        @Override
        protected boolean endedByContent() {
            return endedCount == writers;
        }

        @Override
        protected void emit(ConsumerRecord<byte[], byte[]> r, RecordSink<Object> sink) {
            ShuffleCodec.Decoded d = codec.decode(r.value());
            if (d.kind() == ShuffleCodec.DATA) {
                data(d.writer(), d.value(), d.timestampMillis(), KafkaHeaders.toWeir(r), sink);
            } else {
                control(d.kind(), d.writer(), d.watermarkMillis(), sink);
            }
        }

        private void data(int w, Object value, long timestampMillis, Headers headers, RecordSink<Object> sink) {
            if (w >= 0 && w < writers) {
                barrierSeen[w] = false; // the writer went on after its barrier (restarted): void
            }
            sink.record(value, timestampMillis, headers);
        }

        /** @param valueMillis the watermark, or the savepoint id of a barrier */
        private void control(byte kind, int w, long valueMillis, RecordSink<Object> sink) {
            if (w < 0 || w >= writers) {
                throw new IllegalStateException("shuffle topic " + tp + " has a control record of writer " + w
                        + " but the pipeline has " + writers + " tasks (was it rescaled?)");
            }
            if (ended[w]) {
                return; // a writer restored after its end re-sends it
            }
            if (kind == ShuffleCodec.BARRIER) {
                barriers[w] = valueMillis;
                barrierSeen[w] = true;
                return;
            }
            boolean advanced = switch (kind) {
                case ShuffleCodec.WATERMARK -> {
                    watermarks[w] = Math.max(watermarks[w], valueMillis);
                    yield combiner.update(w, valueMillis);
                }
                case ShuffleCodec.IDLE, ShuffleCodec.ACTIVE -> {
                    idle[w] = kind == ShuffleCodec.IDLE;
                    yield combiner.setIdle(w, idle[w]);
                }
                case ShuffleCodec.END -> {
                    ended[w] = true;
                    endedCount++;
                    idle[w] = false;
                    watermarks[w] = Watermarks.END_OF_TIME;
                    combiner.setIdle(w, false);
                    yield combiner.update(w, Watermarks.END_OF_TIME);
                }
                default -> throw new IllegalStateException("unknown shuffle record kind " + kind);
            };
            if (advanced) {
                sink.watermark(combiner.combined());
            }
        }

        boolean drainedFor(long savepointId) {
            for (int w = 0; w < writers; w++) {
                if (!ended[w] && !(barrierSeen[w] && barriers[w] == savepointId)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        protected Object snapshotExtra() {
            if (beforeFirstPoll != null && !beforeFirstPoll.isEmpty()) {
                throw new IllegalStateException(tp + ": a snapshot before the first poll of the shuffle reader, with "
                        + beforeFirstPoll.size() + " records of this task's own writer not yet processed");
            }
            return new WriterStates(watermarks.clone(), idle.clone(), ended.clone());
        }

        @Override
        protected void restoreExtra(Object extra) {
            WriterStates s = (WriterStates) extra;
            if (s.watermarks().length != writers) {
                throw new IllegalStateException("snapshot of " + tp + " has " + s.watermarks().length
                        + " shuffle writers, the pipeline now has " + writers + " (rescaling needs a savepoint)");
            }
            combiner = new WatermarkCombiner(writers);
            endedCount = 0;
            for (int w = 0; w < writers; w++) {
                watermarks[w] = s.watermarks()[w];
                idle[w] = s.idle()[w];
                ended[w] = s.ended()[w];
                endedCount += ended[w] ? 1 : 0;
                combiner.update(w, watermarks[w]);
                combiner.setIdle(w, idle[w]);
            }
        }
    }
}
