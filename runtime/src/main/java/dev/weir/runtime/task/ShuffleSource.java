package dev.weir.runtime.task;

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
 * source-provided watermark. The partition ends when every writer has sent end of input.
 */
final class ShuffleSource implements Source<Object> {
    private final TopicPartition tp;
    private final int writers;
    private final TaskConsumer consumer;
    private final TaskReaders readers;
    private final ClassLoader classLoader;
    private Reader reader;

    ShuffleSource(String topic, int partition, int writers, TaskConsumer consumer, TaskReaders readers,
                  ClassLoader classLoader) {
        this.tp = new TopicPartition(topic, partition);
        this.writers = writers;
        this.consumer = consumer;
        this.readers = readers;
        this.classLoader = classLoader;
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

    private final class Reader extends TaskPartitionReader<Object> {
        private final ShuffleCodec codec = new ShuffleCodec(classLoader);
        private final long[] watermarks = new long[writers];
        private final boolean[] idle = new boolean[writers];
        private final boolean[] ended = new boolean[writers];
        private WatermarkCombiner combiner = new WatermarkCombiner(writers);
        private int endedCount;
        /** Per writer: the id of the last savepoint barrier it sent (this run only; not part of snapshots). */
        private final long[] barriers = new long[writers];
        private final boolean[] barrierSeen = new boolean[writers];

        Reader() {
            super(ShuffleSource.this.consumer, ShuffleSource.this.tp, ShuffleSource.this.readers);
            java.util.Arrays.fill(watermarks, Watermarks.UNKNOWN);
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
                if (d.writer() >= 0 && d.writer() < writers) {
                    barrierSeen[d.writer()] = false; // the writer went on after its barrier (restarted): void
                }
                sink.record(d.value(), d.timestampMillis(), KafkaHeaders.toWeir(r));
                return;
            }
            int w = d.writer();
            if (w < 0 || w >= writers) {
                throw new IllegalStateException("shuffle topic " + tp + " has a control record of writer " + w
                        + " but the pipeline has " + writers + " tasks (was it rescaled?)");
            }
            if (ended[w]) {
                return; // a writer restored after its end re-sends it
            }
            if (d.kind() == ShuffleCodec.BARRIER) {
                barriers[w] = d.watermarkMillis();
                barrierSeen[w] = true;
                return;
            }
            boolean advanced = switch (d.kind()) {
                case ShuffleCodec.WATERMARK -> {
                    watermarks[w] = Math.max(watermarks[w], d.watermarkMillis());
                    yield combiner.update(w, d.watermarkMillis());
                }
                case ShuffleCodec.IDLE, ShuffleCodec.ACTIVE -> {
                    idle[w] = d.kind() == ShuffleCodec.IDLE;
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
                default -> throw new IllegalStateException("unknown shuffle record kind " + d.kind());
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
